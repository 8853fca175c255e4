import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installQuietLibraryConsole } from '../../../src/teams/quietLibraryConsole';

/**
 * A stand-in for botframework-connector's jwtTokenExtractor.js at its real place in a package tree (the
 * real file, with real bad tokens, is exercised by test/e2e/authFailureLogs.test.ts).
 */
function fakeTokenCheck(): { print(msg: string): void; printLater(msg: string): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-quiet-'));
  const file = path.join(dir, 'node_modules', 'botframework-connector', 'lib', 'auth', 'jwtTokenExtractor.js');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'exports.print = (m) => console.error(m);\nexports.printLater = async (m) => { await new Promise((r) => setTimeout(r, 1)); console.error(m); };\n');
  return require(file);
}

test("only the token check's own printing is dropped: the turn logic and everything else still print", async () => {
  const printed: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void printed.push(args.join(' ')); // what "the terminal" sees, wrapped below
  try {
    installQuietLibraryConsole();
    const check = fakeTokenCheck();
    check.print('Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----');
    await check.printLater('TokenExpiredError: jwt expired');
    console.error('from the turn logic');
    await Promise.all([check.printLater('again'), (async () => console.error('meanwhile, another request'))()]);
    expect(printed).toEqual(['from the turn logic', 'meanwhile, another request']);
  } finally {
    console.error = original;
  }
});
