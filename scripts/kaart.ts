/**
 * The sociale kaart as CSV, for coordinators who keep it in Excel.
 *   npm run kaart -- import <bestand.csv> [--dry-run]
 *   npm run kaart -- export [bestand.csv] [--excel]
 * Import validates the whole file first and reports every problem (line, column, reason); only a fully
 * valid file is applied, in one transaction. Same AGB-code (or without one: same naam + organisatie)
 * updates the existing partner instead of adding a second one. Excel files (Windows-1252 or UTF-8 with BOM, `;`) are read as they are (see src/csv/decode.ts);
 * `--excel` writes a BOM so Excel shows ë and é correctly.
 * A running bot picks up the changes within half a minute (it refreshes changed rows lazily).
 */
import fs from 'node:fs';
import { SocialMapService } from '../src/features/socialMap/service';
import { fail, failureLine, openDatabase, readUpload } from './cli';

const USAGE = 'Gebruik: npm run kaart -- import <bestand.csv> [--dry-run] | npm run kaart -- export [bestand.csv] [--excel]';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const file = rest.find((a) => !a.startsWith('--'));
  if (command === 'import') {
    if (!file) fail(USAGE, 2);
    const dryRun = flags.has('--dry-run');
    const text = readUpload(file);
    const db = await openDatabase();
    try {
      const t0 = Date.now();
      const outcome = await new SocialMapService({ db, clock: () => new Date() }).importCsv(text, { dryRun, actorLabel: `import ${file}` });
      if (!outcome.ok) {
        console.error(`${file}: ${outcome.errors.length} fout(en), er is niets gewijzigd:`);
        for (const e of outcome.errors) console.error(`  regel ${e.line}${e.column ? `, kolom ${e.column}` : ''}: ${e.reason}`);
        process.exitCode = 1;
        return;
      }
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
      const csv = await new SocialMapService({ db, clock: () => new Date() }).exportCsv({ bom: flags.has('--excel') });
      if (file) fs.writeFileSync(file, csv);
      else process.stdout.write(csv);
    } finally {
      await db.$disconnect();
    }
    return;
  }
  fail(USAGE, 2);
}

main().catch((err) => fail(`Mislukt: ${failureLine(err)}`));
