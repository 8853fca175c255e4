import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb } from '../../src/db/client';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE_DB = path.join(ROOT, '.test-tmp/template.db');

async function org(dataDir: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/org.ts'), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run org', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-org-'));
    fs.copyFileSync(TEMPLATE_DB, path.join(dir, 'wijkbot.db'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function counts() {
    const db = createDb(path.join(dir, 'wijkbot.db'));
    try {
      return { groups: await db.wijkGroup.count(), people: await db.person.count(), memberships: await db.membership.count() };
    } finally {
      await db.$disconnect();
    }
  }

  test('import applies a valid file once; re-import changes nothing; dry-run writes nothing; export round-trips', async () => {
    const file = path.join(dir, 'roster.csv');
    fs.writeFileSync(file, 'wijkgroep,naam,email,aad_object_id,rol\nOost,Carla,carla@x.nl,,coordinator\nOost,Carla,carla@x.nl,,huisarts\nNoord,Noah,noah@x.nl,,huisarts\n');

    const dry = await org(dir, 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Proefdraai');
    expect(dry.stdout).toContain('nieuwe rollen: 3');
    expect(await counts()).toEqual({ groups: 0, people: 0, memberships: 0 });

    const first = await org(dir, 'import', file);
    expect(first.code).toBe(0);
    expect(await counts()).toEqual({ groups: 2, people: 2, memberships: 3 });

    const second = await org(dir, 'import', file);
    expect(second.stdout).toContain('nieuwe rollen: 0');
    expect(second.stdout).toContain('ongewijzigd: 3');
    expect(await counts()).toEqual({ groups: 2, people: 2, memberships: 3 });

    const exported = await org(dir, 'export');
    expect(exported.stdout.split(/\r?\n/)[0]).toBe('wijkgroep,naam,email,aad_object_id,rol');
    expect(exported.stdout).toContain('Oost,Carla,carla@x.nl,,coordinator');
  }, 60_000);

  test('a file with bad rows reports all of them and writes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'wijkgroep,naam,email,aad_object_id,rol\nOost,Goed,goed@x.nl,,huisarts\nOost,,x@x.nl,,huisarts\nOost,Fout,fout,,kapper\n');
    const r = await org(dir, 'import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('regel 3, kolom naam');
    expect(r.stderr).toContain('regel 4, kolom email');
    expect(r.stderr).toContain('regel 4, kolom rol');
    expect(await counts()).toEqual({ groups: 0, people: 0, memberships: 0 });
  }, 60_000);

  describe('a row that conflicts with what Wijkbot holds is named before anything is written', () => {
    const A = 'a0000000-0000-4000-8000-00000000000a';
    const B = 'b0000000-0000-4000-8000-00000000000b';
    const C = 'c0000000-0000-4000-8000-00000000000c';
    beforeEach(async () => {
      const file = path.join(dir, 'base.csv');
      fs.writeFileSync(file, `wijkgroep,naam,email,aad_object_id,rol\nOost,Anna,anna@x.nl,${A},huisarts\nOost,Bram,bram@x.nl,${B},huisarts\n`);
      expect((await org(dir, 'import', file)).code).toBe(0);
    });

    test.each([
      ["one person's Entra id with another person's e-mail", `Noord,Anna,bram@x.nl,${A},huisarts`, ['regel 3', 'hoort in Wijkbot bij "Anna" (anna@x.nl), maar bram@x.nl bij "Bram" (bram@x.nl)']],
      ['an e-mail address that belongs to someone with another Entra id', `Noord,Anna,anna@x.nl,${C},huisarts`, ['regel 3', 'anna@x.nl hoort in Wijkbot bij "Anna" (anna@x.nl) met een ander aad_object_id']],
    ])('%s', async (_name, row, expected) => {
      const file = path.join(dir, 'conflict.csv');
      fs.writeFileSync(file, `wijkgroep,naam,email,aad_object_id,rol\nNoord,Nieuw,nieuw@x.nl,,huisarts\n${row}\n`);
      const before = await counts();
      const r = await org(dir, 'import', file);
      expect(r.code).toBe(1);
      for (const part of expected) expect(r.stderr).toContain(part);
      expect(r.stderr).toContain('er is niets gewijzigd');
      expect(r.stderr).not.toMatch(/prisma|invocation|Unique constraint|\.ts:\d+/i);
      expect(await counts()).toEqual(before); // not even the valid first row
    }, 60_000);
  });
});
