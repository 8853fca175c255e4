/**
 * `npm start` builds before it starts. The build step must be incremental: a restart with nothing
 * changed rebuilds nothing (it used to recompile everything, 15-30 s, on every start), a source changed
 * since the last build (a `git pull`) is rebuilt, and a source that does not compile stops the start
 * instead of letting the old dist run silently.
 *
 * Runs the real `prestart` script with npm, in a copy of the sources (the repository's own dist is left
 * alone: other tests and `npm run bench` use it). Durations are not asserted (a loaded CI machine); what
 * the build wrote is.
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
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What `npm start` runs before `node dist/src/index.js`. */
function prestart(): { status: number | null; output: string } {
  const r = spawnSync(NPM, ['run', '--silent', 'prestart'], { cwd: dir, encoding: 'utf8', timeout: 150_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
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

test('npm start builds once, rebuilds nothing when nothing changed, and compiles a changed source before starting (stopping when it does not compile)', () => {
  const first = prestart();
  expect(first).toMatchObject({ status: 0 });
  expect(fs.existsSync(path.join(dir, 'dist/src/index.js'))).toBe(true);
  const built = distFiles();

  // a restart: not one file of dist is written again
  expect(prestart()).toMatchObject({ status: 0 });
  expect(distFiles()).toEqual(built);

  // a pull that changed a source, in a way that does not compile: the change is compiled (it is in dist),
  // and the start stops (npm skips `start` when prestart fails) instead of running without it
  const source = path.join(dir, 'src/features/socialMap/freshness.ts');
  writeLater(source, `${fs.readFileSync(source, 'utf8')}\nexport const BUILD_PROBE: number = 'rebuilt';\n`);
  const changed = prestart();
  expect(fs.readFileSync(path.join(dir, 'dist/src/features/socialMap/freshness.js'), 'utf8')).toContain('rebuilt');
  expect(changed.status).not.toBe(0);
  expect(changed.output).toContain('freshness.ts');
}, 300_000);
