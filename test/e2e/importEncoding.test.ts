/**
 * Both imports read files the way Dutch Excel saves them: Windows-1252 with `;`, or UTF-8 with a BOM.
 * Accents arrive intact (never "Co�rdinator"), and a file that cannot be decoded is refused at its line
 * with nothing written. Through the real command-line tools, as an administrator runs them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { createDb } from '../../src/db/client';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE_DB = path.join(ROOT, '.test-tmp/template.db');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-enc-'));
  fs.copyFileSync(TEMPLATE_DB, path.join(dir, 'wijkbot.db'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(script: 'org' | 'kaart', ...args: string[]) {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, `scripts/${script}.ts`), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDb<T>(read: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(path.join(dir, 'wijkbot.db'));
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

function file(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const ROSTER = 'wijkgroep;naam;email;aad_object_id;rol\r\nOost;Carla Coördinator;carla@x.nl;;coordinator\r\nOost;Eva Öztürk;eva@x.nl;;apotheker\r\n';
const KAART =
  'naam;organisatie;discipline;expertise;wijken;postcode;adres;plaats;werkdagen;opnamestop;opnamestop_tot;wachttijd_weken;telefoon;email;website;communicatie;agb;laatst_gecontroleerd\r\n' +
  'Diëtistenpraktijk Oost;;diëtetiek;diabetes;Oost;1093 BB;Linnaeusstraat 3;Amsterdam;wo;nee;;0;020-3333333;;;ZorgDomein;;2026-11-20\r\n';

test('a Windows-1252 roster keeps its accents', async () => {
  const r = await cli('org', 'import', file('roster.csv', iconv.encode(ROSTER, 'win1252')));
  expect(r).toMatchObject({ code: 0 });
  expect(await withDb((db) => db.person.findMany({ select: { name: true }, orderBy: { name: 'asc' } }))).toEqual([{ name: 'Carla Coördinator' }, { name: 'Eva Öztürk' }]);
}, 60_000);

test('a Windows-1252 sociale kaart keeps its accents', async () => {
  const r = await cli('kaart', 'import', file('kaart.csv', iconv.encode(KAART, 'win1252')));
  expect(r).toMatchObject({ code: 0 });
  expect(await withDb((db) => db.partner.findMany({ select: { name: true } }))).toEqual([{ name: 'Diëtistenpraktijk Oost' }]);
}, 60_000);

test.each([
  ['org', ROSTER] as const,
  ['kaart', KAART] as const,
])('npm run %s refuses a file it cannot decode, names the line, and writes nothing', async (script, text) => {
  const broken = Buffer.concat([iconv.encode(text, 'win1252'), Buffer.from('x\x81y;;;;\r\n', 'latin1')]);
  const r = await cli(script, 'import', file('broken.csv', broken));
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`regel ${text.split('\r\n').length}: deze regel bevat byte 0x81`);
  expect(r.stderr).toContain('er is niets gewijzigd');
  expect(await withDb(async (db) => (await db.person.count()) + (await db.partner.count()))).toBe(0);
}, 60_000);
