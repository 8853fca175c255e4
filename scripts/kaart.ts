/**
 * The sociale kaart as CSV, for coordinators who keep it in Excel.
 *   npm run kaart -- import <bestand.csv> [--dry-run]
 *   npm run kaart -- export [bestand.csv] [--excel]
 * Import validates the whole file first and reports every problem (line, column, reason); only a fully
 * valid file is written, in short chunks (src/features/socialMap/csvImport.ts) so a running bot on the same
 * data keeps answering, with progress on the terminal. Same AGB-code (or without one: same naam +
 * organisatie) updates the existing partner instead of adding a second one. Excel files (Windows-1252 or
 * UTF-8 with BOM, `;`) are read as they are (see src/csv/decode.ts); `--excel` writes a BOM so Excel shows
 * ë and é correctly.
 * A running bot answers from the new map at its next lookup (it checks the map's data version first).
 */
import fs from 'node:fs';
import { DomainError } from '../src/features/errors';
import { IMPORT_CHUNK, type ImportProgress } from '../src/features/socialMap/csvImport';
import { renderMessage } from '../src/features/socialMap/messages';
import { SocialMapService } from '../src/features/socialMap/service';
import { fail, failureLine, openDatabase, readUpload } from './cli';

const USAGE = 'Gebruik: npm run kaart -- import <bestand.csv> [--dry-run] | npm run kaart -- export [bestand.csv] [--excel]';

/** The options each command knows; anything else is refused before the command runs. */
const KNOWN_FLAGS = new Map<string, string[]>([
  ['import', ['--dry-run']],
  ['export', ['--excel']],
]);

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const file = rest.find((a) => !a.startsWith('--'));
  // a mistyped option must not be ignored: "--dryrun" would otherwise run a real import
  const unknown = [...flags].filter((f) => !(KNOWN_FLAGS.get(command ?? '') ?? []).includes(f));
  if (unknown.length) fail(`Onbekende optie ${unknown.join(', ')}. ${USAGE}`, 2);
  if (command === 'import') {
    if (!file) fail(USAGE, 2);
    const dryRun = flags.has('--dry-run');
    const text = readUpload(file);
    const db = await openDatabase();
    try {
      const t0 = Date.now();
      const outcome = await new SocialMapService({ db, clock: () => new Date() }).importCsv(text, { dryRun, actorLabel: `import ${file}`, onProgress: progressPrinter(dryRun) });
      if (!outcome.ok) {
        console.error(`${file}: ${outcome.errors.length} fout(en), er is niets gewijzigd:`);
        for (const e of outcome.errors) console.error(`  regel ${e.line}${e.column ? `, kolom ${e.column}` : ''}: ${e.reason}`);
        process.exitCode = 1;
        return;
      }
      for (const w of outcome.warnings) console.error(`  waarschuwing regel ${w.line}${w.column ? `, kolom ${w.column}` : ''}: ${w.reason}`);
      console.log(
        [
          `${dryRun ? 'Proefdraai (er is niets gewijzigd)' : 'Geïmporteerd'}: ${outcome.rows} partners in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
          `  nieuw: ${outcome.created}`,
          `  bijgewerkt: ${outcome.updated}`,
          `  ongewijzigd: ${outcome.unchanged}`,
        ].join('\n'),
      );
    } finally {
      await db.$disconnect();
    }
    return;
  }
  if (command === 'export') {
    const db = await openDatabase();
    try {
      const csv = await new SocialMapService({ db, clock: () => new Date() }).exportCsv({ excel: flags.has('--excel') });
      if (file) fs.writeFileSync(file, csv);
      else process.stdout.write(csv);
    } finally {
      await db.$disconnect();
    }
    return;
  }
  fail(USAGE, 2);
}

/**
 * Progress on stderr (stdout stays the summary) for imports of more than one chunk: once the file is
 * checked, then while writing: on a terminal one line that counts up, in a log or pipe a line per tenth.
 */
function progressPrinter(dryRun: boolean): (p: ImportProgress) => void {
  const tty = Boolean(process.stderr.isTTY);
  let shownTenth = 0;
  const n = (x: number) => x.toLocaleString('nl-NL');
  return (p) => {
    if (p.total <= IMPORT_CHUNK) return; // one chunk: done before anyone would look
    if (p.phase === 'validated') {
      if (!dryRun) console.error(`Bestand in orde; ${n(p.total)} partners schrijven (in stukken, de bot blijft intussen antwoorden)…`);
      return;
    }
    const line = `  geschreven: ${n(p.written)} van ${n(p.total)} (${Math.floor((100 * p.written) / p.total)}%)`;
    if (tty) process.stderr.write(`\r${line}${p.written === p.total ? '\n' : ''}`);
    else {
      const tenth = Math.floor((10 * p.written) / p.total);
      if (tenth > shownTenth || p.written === p.total) console.error(line);
      shownTenth = tenth;
    }
  };
}

main().catch((err) => fail(`Mislukt: ${err instanceof DomainError ? renderMessage(err.code, err.params) : failureLine(err)}`));
