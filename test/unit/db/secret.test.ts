/** The link and ballot secret: never empty or short, and never half-written. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';
import { loadOrCreateSecret, MIN_SECRET_BYTES } from '../../../src/db/secret';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-secret-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

test('a first start writes a 64-character secret readable by the owner only, and later starts read the same one', () => {
  const first = loadOrCreateSecret(dir);
  expect(first).toMatch(/^[0-9a-f]{64}$/);
  expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  expect(loadOrCreateSecret(dir)).toBe(first);
  expect(fs.readdirSync(dir)).toEqual(['secret.key']); // no temp file left behind
});

test.each([
  ['empty', ''],
  ['whitespace only', '  \n'],
  ['too short', 'abc123'],
])('an existing secret.key that is %s stops the start with one line naming the file and what to do', (_name, content) => {
  fs.writeFileSync(path.join(dir, 'secret.key'), content);
  const message = refusal(() => loadOrCreateSecret(dir));
  expect(message).toContain(path.join(dir, 'secret.key'));
  expect(message).toContain(`minstens ${MIN_SECRET_BYTES}`);
  expect(message).toContain('APP_SECRET');
  expect(message).not.toContain('\n');
  expect(fs.readFileSync(path.join(dir, 'secret.key'), 'utf8')).toBe(content); // left for the operator to restore
});

test('a short APP_SECRET is refused, by the configuration and by the loader, in one Dutch line', () => {
  expect(refusal(() => loadOrCreateSecret(dir, 'kort'))).toMatch(/^Ongeldige configuratie: APP_SECRET is 4 bytes, minstens 32 nodig/);
  expect(refusal(() => loadConfig({ APP_SECRET: 'x'.repeat(31) }))).toMatch(/^Ongeldige configuratie: APP_SECRET is korter dan 32 bytes/);
  expect(loadOrCreateSecret(dir, 'x'.repeat(32))).toBe('x'.repeat(32));
  expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
});

test('a full disk while writing leaves no secret.key behind (the next start does not read an empty one)', () => {
  // a full disk: the file can be created, but no byte can be written into it
  jest.spyOn(fs, 'writeFileSync').mockImplementation((file) => {
    if (typeof file !== 'number') fs.closeSync(fs.openSync(file as string, 'a'));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  expect(refusal(() => loadOrCreateSecret(dir))).toMatch(/Kan het geheim .*secret\.key niet schrijven \(ENOSPC\)/);
  expect(fs.readdirSync(dir)).toEqual([]);
  jest.restoreAllMocks();
  expect(loadOrCreateSecret(dir)).toMatch(/^[0-9a-f]{64}$/);
});

test('a secret another process created first is used, not replaced', () => {
  const theirs = 'f'.repeat(64);
  const link = fs.linkSync;
  jest.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
    write(to as string, theirs);
    return link(from, to); // EEXIST now
  });
  const write = (file: string, text: string) => fs.writeFileSync(file, text);
  expect(loadOrCreateSecret(dir)).toBe(theirs);
  expect(fs.readdirSync(dir)).toEqual(['secret.key']);
});
