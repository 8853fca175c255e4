import { outsideQuietScope, withQuietLibraryConsole } from '../../../src/teams/quietLibraryConsole';

test('console output is dropped inside the token check only: the turn logic and everything else still print', async () => {
  const printed: string[] = [];
  console.error = (...args: unknown[]) => void printed.push(args.join(' ')); // what "the terminal" sees, wrapped by install()
  await withQuietLibraryConsole(async () => {
    await Promise.resolve();
    console.error('Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----');
    await outsideQuietScope(async () => {
      await new Promise((r) => setTimeout(r, 1));
      console.error('from the turn logic');
    });
  });
  console.error('after the request');
  expect(printed).toEqual(['from the turn logic', 'after the request']);
});
