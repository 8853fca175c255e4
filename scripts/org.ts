/**
 * Bulk onboarding of wijkgroepen, people and roles.
 *   npm run org -- import <file.csv> [--dry-run]
 *   npm run org -- export [file.csv]
 * The file is validated completely first (also against what Wijkbot holds); only a fully valid file is applied,
 * in short transactions so a running bot keeps answering (src/features/groups/rosterImport.ts).
 */
import fs from 'node:fs';
import { parseRosterCsv, toRosterCsv } from '../src/features/groups/rosterCsv';
import { RosterWriteError, type RosterImportResult } from '../src/features/groups/rosterImport';
import type { RosterProblem } from '../src/features/groups/rosterCsv';
import { GroupsService } from '../src/features/groups/service';
import { fail, failureLine, openDatabase, readUpload } from './cli';

function reportProblems(file: string, problems: RosterProblem[]): never {
  console.error(`${file}: ${problems.length} fout(en), er is niets gewijzigd:`);
  for (const p of problems) console.error(`  regel ${p.line}${p.column ? `, kolom ${p.column}` : ''}: ${p.reason}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const dryRun = rest.includes('--dry-run');
  const file = rest.find((a) => !a.startsWith('--'));
  if (command === 'import') {
    if (!file) fail('Gebruik: npm run org -- import <bestand.csv> [--dry-run]', 2);
    const text = readUpload(file);
    const parsed = parseRosterCsv(text);
    if (!parsed.ok) reportProblems(file, parsed.problems);
    const db = await openDatabase();
    try {
      let result: RosterImportResult;
      try {
        result = await new GroupsService(db, []).importRoster(parsed.rows, { dryRun, actorLabel: `import ${file}` });
      } catch (err) {
        if (!(err instanceof RosterWriteError)) throw err;
        fail(`${file}: gestopt op regel ${err.line}: ${err.reason}. ${err.rowsWritten} regels waren al verwerkt.`);
      }
      if (!result.ok) reportProblems(file, result.problems);
      const { plan } = result;
      const lines = [
        `${dryRun ? 'Proefdraai (er is niets gewijzigd)' : 'Geïmporteerd'}: ${parsed.rows.length} regels.`,
        `  nieuwe wijkgroepen: ${plan.groupsToCreate.length}${plan.groupsToCreate.length ? ` (${plan.groupsToCreate.join(', ')})` : ''}`,
        `  nieuwe personen: ${plan.peopleToCreate.length}`,
        `  bijgewerkte personen: ${plan.peopleToUpdate.length}`,
        `  nieuwe rollen: ${plan.membershipsToAdd.length}`,
        `  ongewijzigd: ${plan.unchanged}`,
      ];
      console.log(lines.join('\n'));
    } finally {
      await db.$disconnect();
    }
    return;
  }
  if (command === 'export') {
    const db = await openDatabase();
    try {
      const csv = toRosterCsv(await new GroupsService(db, []).exportRoster());
      if (file) fs.writeFileSync(file, csv);
      else process.stdout.write(csv);
    } finally {
      await db.$disconnect();
    }
    return;
  }
  fail('Gebruik: npm run org -- import <bestand.csv> [--dry-run] | npm run org -- export [bestand.csv]', 2);
}

main().catch((err) => fail(`Mislukt: ${failureLine(err)}`));
