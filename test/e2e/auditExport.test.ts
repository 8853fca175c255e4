/**
 * `npm run audit -- export --from … --to …`: the audit trail of a review period as CSV (NEN 7513), run as
 * the operator runs it, against a database the bot wrote. Amsterdam calendar days, both ends included;
 * spreadsheet formulas neutralised; the export itself is recorded.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createDb } from '../../src/db/client';
import { TEMPLATE_DB } from '../support/globalSetup';

const ROOT = path.resolve(__dirname, '../..');

function audit(args: string[], dataDir: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/audit.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err: err.split('\n').filter((l) => l.trim() && !l.includes('npm warn')).join('\n') })));
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-audit-'));
  fs.copyFileSync(TEMPLATE_DB, path.join(dir, 'wijkbot.db'));
  const db = createDb(path.join(dir, 'wijkbot.db'));
  const event = (at: string, actorLabel: string, action = 'role.grant', entityId = 'p1') =>
    db.auditEvent.create({ data: { at: new Date(at), actorId: 'person-1', actorLabel, action, entityType: 'Membership', entityId, details: JSON.stringify({ role: 'coordinator' }) } });
  await event('2026-10-31T22:59:59Z', 'Te vroeg'); // 31 October 23:59:59 in Amsterdam
  await event('2026-10-31T23:00:00Z', 'Carla Coördinator'); // 1 November 00:00 in Amsterdam: the first instant
  await event('2026-11-15T09:30:00Z', '=HYPERLINK("http://evil.example","klik")');
  await event('2026-11-16T09:30:00Z', '+31 cmd|\' /C calc\'!A0', 'partner.intakeStop', '@SUM(1+1)');
  await event('2026-11-17T09:30:00Z', '-2+3');
  await event('2026-11-30T22:59:59Z', 'Laatste seconde'); // 30 November 23:59:59 in Amsterdam
  await event('2026-11-30T23:00:00Z', 'Te laat'); // 1 December
  await db.$disconnect();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a period exports exactly its Amsterdam days, formulas neutralised, with a BOM for Excel, and the export is recorded', async () => {
  const file = path.join(dir, 'audit-nov.csv');
  const run = await audit(['export', '--from', '2026-11-01', '--to', '2026-11-30', file], dir);
  expect(run).toMatchObject({ code: 0, err: `Geschreven: ${file} (5 regels, 2026-11-01..2026-11-30).` });
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(fs.statSync(file).mode & 0o077).toBe(0); // names of people: readable by the operator only
  const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.actor)).toEqual([
    'Carla Coördinator',
    `'=HYPERLINK("http://evil.example","klik")`,
    `'+31 cmd|' /C calc'!A0`,
    `'-2+3`,
    'Laatste seconde',
  ]);
  expect(rows[0]).toMatchObject({ tijdstip: '2026-11-01T00:00:00+01:00', tijdstip_utc: '2026-10-31T23:00:00.000Z', actor_id: 'person-1', actie: 'role.grant', object_type: 'Membership', object_id: 'p1', details: '{"role":"coordinator"}' });
  expect(rows[2].object_id).toBe(`'@SUM(1+1)`);

  const db = createDb(path.join(dir, 'wijkbot.db'));
  try {
    const recorded = await db.auditEvent.findFirstOrThrow({ where: { action: 'audit.export' } });
    expect(recorded).toMatchObject({ entityType: 'AuditEvent', entityId: '2026-11-01..2026-11-30', actorId: null });
    expect(recorded.actorLabel).toBe(`npm run audit (${os.userInfo().username})`);
    expect(JSON.parse(recorded.details)).toMatchObject({ rows: 5 });
  } finally {
    await db.$disconnect();
  }
}, 60_000);

test('without a file the CSV goes to stdout; a wrong period is one clear line and exit code 2', async () => {
  const out = await audit(['export', '--from=2026-11-15', '--to=2026-11-15'], dir);
  expect(out.code).toBe(0);
  expect(parse(out.out, { columns: true })).toHaveLength(1);
  for (const [args, line] of [
    [['export', '--from', '2026-13-01', '--to', '2026-12-31'], /^--from 2026-13-01 is geen datum \(JJJJ-MM-DD\)\. Gebruik: npm run audit -- export/],
    [['export', '--from', '2026-12-01', '--to', '2026-11-01'], /^--to 2026-11-01 ligt vóór --from 2026-12-01\. Gebruik/],
    [['export', '--from', '2026-12-01'], /^--to \(ontbreekt\) is geen datum/],
    [['import'], /^Gebruik: npm run audit -- export --from JJJJ-MM-DD --to JJJJ-MM-DD \[bestand\.csv\]$/],
  ] as const) {
    const bad = await audit([...args], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(line);
    expect(bad.err.split('\n')).toHaveLength(1);
  }
}, 120_000);
