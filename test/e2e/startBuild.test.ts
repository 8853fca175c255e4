/**
 * `npm install` builds; `npm start` does not compile (scripts/build.cjs). The install's build is what a
 * start runs; a start with nothing changed writes nothing and does not run the compiler (it used to run
 * `tsc -b` on every start: 1-15 s); a source changed since the last build (a `git pull`) is compiled
 * before the start, and a source that does not compile stops the start instead of letting the old dist
 * run silently.
 *
 * Runs the real `prestart` script with npm, and the build step of the real `postinstall`, in a copy of the
 * sources (the repository's own dist is left alone: other tests and `npm run bench` use it). Durations are
 * not asserted (a loaded CI machine); what the build wrote is (scripts/build.cjs touches dist/.tsbuildinfo
 * whenever it ran the compiler, so an unchanged dist means it did not).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-build-'));
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.cjs']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What `npm start` runs before `node dist/src/index.js`. */
function prestart(): { status: number | null; output: string } {
  const r = spawnSync(NPM, ['run', '--silent', 'prestart'], { cwd: dir, encoding: 'utf8', timeout: 150_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The build step of `npm install`'s postinstall (the rest of it generates the Prisma client and the database template). */
function installBuild(): { status: number | null; output: string } {
  const postinstall: string = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts.postinstall;
  const step = postinstall.split('&&').map((s) => s.trim()).find((s) => s.startsWith('node scripts/build.cjs'));
  if (!step) throw new Error(`postinstall does not build: ${postinstall}`);
  const r = spawnSync(process.execPath, step.split(' ').slice(1), { cwd: dir, encoding: 'utf8', timeout: 150_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every file under dist with its modification time. */
function distFiles(): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(dir, 'dist'));
  return out;
}

/** A source file's mtime one second ahead, as a checkout writes it after the last build. */
function writeLater(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const later = new Date(Date.now() + 1_000);
  fs.utimesSync(file, later, later);
}

test('npm install builds, npm start then runs that build without compiling, and compiles a changed source before starting (stopping when it does not compile)', () => {
  const install = installBuild();
  expect(install).toMatchObject({ status: 0 });
  expect(fs.existsSync(path.join(dir, 'dist/src/index.js'))).toBe(true);
  const built = distFiles();

  // the first start and a restart: not one file of dist is written, the compiler does not run
  for (let i = 0; i < 2; i++) {
    const start = prestart();
    expect(start).toMatchObject({ status: 0 });
    expect(start.output).not.toContain('compiling');
    expect(distFiles()).toEqual(built);
  }

  // a pull that changed a source, in a way that does not compile: the change is compiled (it is in dist),
  // and the start stops (npm skips `start` when prestart fails) instead of running without it
  const source = path.join(dir, 'src/features/socialMap/freshness.ts');
  writeLater(source, `${fs.readFileSync(source, 'utf8')}\nexport const BUILD_PROBE: number = 'rebuilt';\n`);
  const changed = prestart();
  expect(fs.readFileSync(path.join(dir, 'dist/src/features/socialMap/freshness.js'), 'utf8')).toContain('rebuilt');
  expect(changed.status).not.toBe(0);
  expect(changed.output).toContain('freshness.ts');
}, 300_000);
