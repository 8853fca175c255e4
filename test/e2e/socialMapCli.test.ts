import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb } from '../../src/db/client';
import { parsePartnerCsv } from '../../src/features/socialMap/csvFormat';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE_DB = path.join(ROOT, '.test-tmp/template.db');

const HEADER = 'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd';
const VALID = [
  HEADER,
  'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem;incontinentie,Oost;1091-1093,1093 AB,Dapperstraat 10,Amsterdam,ma;di;do,nee,,2,020-1234567,anna@fysiodapper.example,www.fysiodapper.example,ZorgDomein;telefoon,04000001,2026-11-01;Carla Coördinator',
  'Sanne Bakker,Bekkencentrum Oost,bekkenfysiotherapie,,Oost,1094 CD,Javastraat 5,Amsterdam,ma;wo,ja;Vol tot februari,2027-01-31,8,+31 20 765 4321,info@bekkencentrum.example,,Siilo,04000002,10-11-2026',
  '"Jansen, Piet",Huisartsenpraktijk Noord,POH GGZ,angst;depressie,Noord,1021aa,"Meeuwenlaan 1, 2e etage",Amsterdam,di;do,nee,,1,06-12345678,,,ZorgMail,,',
  'Diëtistenpraktijk Oost,,diëtetiek,diabetes,Oost,1093 BB,Linnaeusstraat 3,Amsterdam,wo,nee,,0,020-3333333,,,ZorgDomein,,2026-11-20',
].join('\n');

async function kaart(dataDir: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/kaart.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run kaart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-kaart-'));
    fs.copyFileSync(TEMPLATE_DB, path.join(dir, 'wijkbot.db'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function partners() {
    const db = createDb(path.join(dir, 'wijkbot.db'));
    try {
      return await db.partner.findMany({ orderBy: { name: 'asc' } });
    } finally {
      await db.$disconnect();
    }
  }

  test('a mistyped option is refused before anything runs: "--dryrun" does not import for real', async () => {
    const file = path.join(dir, 'kaart.csv');
    fs.writeFileSync(file, VALID);
    const r = await kaart(dir, 'import', file, '--dryrun');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Onbekende optie --dryrun');
    expect(r.stderr).toContain('--dry-run');
    expect(await partners()).toHaveLength(0);
  }, 60_000);

  test('a file with bad rows reports every one of them (line, column, reason) and writes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    const lines = VALID.split('\n');
    lines[2] = lines[2]!.replace('bekkenfysiotherapie', 'bekkenfysioterapie').replace('04000002', '4000002');
    lines[3] = lines[3]!.replace('1021aa', '0121 AA');
    fs.writeFileSync(file, lines.join('\n'));
    const r = await kaart(dir, 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('er is niets gewijzigd');
    expect(r.stderr).toContain('regel 3, kolom discipline: Onbekende discipline "bekkenfysioterapie"; bedoelde u bekkenfysiotherapie?');
    expect(r.stderr).toContain('regel 3, kolom agb');
    expect(r.stderr).toContain('Bedoelde u 04000002?');
    expect(r.stderr).toContain('regel 4, kolom postcode: Een postcode begint nooit met een 0.');
    expect(await partners()).toHaveLength(0);
  }, 60_000);

  test('dry run writes nothing; import writes every row; re-import updates in place; export round-trips losslessly', async () => {
    const file = path.join(dir, 'kaart.csv');
    fs.writeFileSync(file, VALID);

    const dry = await kaart(dir, 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Proefdraai');
    expect(dry.stdout).toContain('nieuw: 4');
    expect(await partners()).toHaveLength(0);

    const first = await kaart(dir, 'import', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('nieuw: 4');
    const rows = await partners();
    expect(rows.map((p) => p.name)).toEqual(['Anna de Vries', 'Diëtistenpraktijk Oost', 'Jansen, Piet', 'Sanne Bakker']);
    expect(rows.find((p) => p.name === 'Sanne Bakker')).toMatchObject({ intakeStop: true, intakeStopUntil: '2027-01-31', intakeStopNote: 'Vol tot februari', phone: '020-7654321', waitWeeks: 8 });

    // same AGB with a changed name, and same naam+organisatie without AGB: updated, not duplicated
    const changed = VALID.replace('Anna de Vries,', 'Anna de Vries-Jansen,').replace(',ZorgMail,,', ',ZorgMail;telefoon,,');
    fs.writeFileSync(file, changed);
    const second = await kaart(dir, 'import', file);
    expect(second.stdout).toContain('nieuw: 0');
    expect(second.stdout).toContain('bijgewerkt: 2');
    expect(second.stdout).toContain('ongewijzigd: 2');
    const after = await partners();
    expect(after).toHaveLength(4);
    expect(after.find((p) => p.agb === '04000001')?.name).toBe('Anna de Vries-Jansen');

    const exported = await kaart(dir, 'export');
    expect(exported.code).toBe(0);
    expect(exported.stdout.split('\r\n')[0]).toBe(HEADER);
    const a = parsePartnerCsv(changed);
    const b = parsePartnerCsv(exported.stdout);
    if (!a.ok || !b.ok) throw new Error('export does not parse');
    const byName = (rows: typeof a.rows) => [...rows].sort((x, y) => (x.name < y.name ? -1 : 1));
    expect(byName(b.rows)).toEqual(byName(a.rows));

    const back = path.join(dir, 'export.csv');
    fs.writeFileSync(back, exported.stdout);
    const third = await kaart(dir, 'import', back);
    expect(third.stdout).toContain('ongewijzigd: 4');
    expect(await partners()).toHaveLength(4);
  }, 90_000);

  test('a care type the list does not have imports as its own label, with a warning for the row instead of refusing the file', async () => {
    const file = path.join(dir, 'kaart.csv');
    fs.writeFileSync(file, [HEADER, VALID.split('\n')[1], 'Voedselbank Oost,,Voedselbank,armoede,Oost,1095 KK,Zeeburgerdijk 100,Amsterdam,wo;za,nee,,,020-0123456,,,telefoon,,'].join('\n'));
    const r = await kaart(dir, 'import', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nieuw: 2');
    expect(r.stderr).toContain('waarschuwing regel 3, kolom discipline: Discipline "Voedselbank" staat niet in de lijst; opgenomen als eigen soort zorg');
    expect((await partners()).map((p) => [p.name, p.discipline])).toEqual([['Anna de Vries', 'fysiotherapie'], ['Voedselbank Oost', 'Voedselbank']]);
  }, 60_000);

  test('an Excel file (byte-order mark, semicolons) imports, and --excel exports one', async () => {
    const file = path.join(dir, 'excel.csv');
    // what Excel in a Dutch locale saves: ';' between cells, so cells holding lists are quoted, and d-m-yyyy dates
    const excel = [
      HEADER.replace(/,/g, ';'),
      'Anna de Vries;Fysio Dapper;fysiotherapie;"bekkenbodem;incontinentie";Oost;1093 AB;Dapperstraat 10;Amsterdam;"ma;di;do";nee;;2;020-1234567;anna@fysiodapper.example;;"ZorgDomein;telefoon";04000001;1-11-2026',
      'Diëtistenpraktijk Oost;;diëtetiek;diabetes;Oost;1093 BB;Linnaeusstraat 3;Amsterdam;wo;nee;;0;020-3333333;;;ZorgDomein;;',
    ].join('\r\n');
    fs.writeFileSync(file, '\uFEFF' + excel);
    const r = await kaart(dir, 'import', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('nieuw: 2');
    expect((await partners()).map((p) => p.expertise)).toEqual(['["bekkenbodem","incontinentie"]', '["diabetes"]']);
    const out = path.join(dir, 'out.csv');
    await kaart(dir, 'export', out, '--excel');
    const exported = fs.readFileSync(out, 'utf8');
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    // ';' between cells, as a Dutch Excel splits them; a list cell is quoted so it stays one cell
    expect(exported.split('\r\n')[0]).toBe('\uFEFF' + HEADER.replace(/,/g, ';'));
    expect(exported).toContain('Anna de Vries;Fysio Dapper;Fysiotherapie;"bekkenbodem;incontinentie";');
    // and it imports again unchanged
    const again = await kaart(dir, 'import', out);
    expect(again.stdout).toContain('ongewijzigd: 2');
  }, 60_000);
});
