/**
 * The audit trail for a review period (NEN 7513), as CSV.
 *   npm run audit -- export --from 2026-01-01 --to 2026-03-31 [bestand.csv]
 * Days are Amsterdam calendar days, both included. Without a file the CSV goes to stdout. The export
 * itself is recorded in the audit trail (who ran it: the operating-system account).
 */
import fs from 'node:fs';
import os from 'node:os';
import { exportAuditCsv, parseAuditPeriod, recordAuditExport } from '../src/features/audit/export';
import { fail, openDatabase } from './cli';

const USAGE = 'Gebruik: npm run audit -- export --from JJJJ-MM-DD --to JJJJ-MM-DD [bestand.csv]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'export') fail(USAGE, 2);
  const period = parseAuditPeriod(option(rest, '--from'), option(rest, '--to'));
  if ('error' in period) fail(`${period.error}. ${USAGE}`, 2);
  const file = rest.filter((a, i) => !a.startsWith('--') && !['--from', '--to'].includes(rest[i - 1] ?? ''))[0];
  const db = await openDatabase();
  try {
    let rows: number;
    if (file) {
      const stream = fs.createWriteStream(file, { mode: 0o600 }); // the trail names people: owner-only
      stream.write('\uFEFF'); // Excel then reads UTF-8 (names with ë, é)
      rows = await exportAuditCsv(db, period, stream);
    } else {
      rows = await exportAuditCsv(db, period, process.stdout, false);
    }
    await recordAuditExport(db, period, rows, `npm run audit (${os.userInfo().username})`);
    if (file) console.error(`Geschreven: ${file} (${rows} regels, ${period.label}).`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => fail(`Mislukt: ${(err as Error).message.split('\n')[0]}`));
