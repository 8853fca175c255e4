import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log';
import { AuthFailureLog, classifyAuthFailure } from '../../../src/http/authFailureLog';

function capture() {
  const lines: any[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => JSON.parse(l))); cb(); } });
  return { lines, log: createLogger('info', sink) };
}

test('botbuilder and jsonwebtoken messages map to a fixed set of kinds', () => {
  expect(classifyAuthFailure('The token has expired')).toBe('expired');
  expect(classifyAuthFailure('invalid signature')).toBe('bad-signature');
  expect(classifyAuthFailure('Signing Key could not be retrieved.')).toBe('unknown-key');
  expect(classifyAuthFailure('Unauthorized. ServiceUrl claim do not match.')).toBe('wrong-service-url');
  expect(classifyAuthFailure('Unauthorized. Invalid AppId passed on token: aaaa')).toBe('wrong-audience');
  expect(classifyAuthFailure('jwt issuer invalid. expected: https://x')).toBe('wrong-issuer');
  expect(classifyAuthFailure('jwt malformed')).toBe('invalid-token');
  expect(classifyAuthFailure('Unauthorized Access. Request is not authorized')).toBe('missing');
  expect(classifyAuthFailure('kid-of-the-attacker\'s-choice')).toBe('other');
});

test('one line per kind per window; the next line after the window says how many were left out', async () => {
  let now = 1_000_000;
  const { lines, log } = capture();
  const failures = new AuthFailureLog(log, 60_000, () => now);
  for (let i = 0; i < 50; i++) {
    failures.refused('The token has expired');
    failures.refused('invalid signature');
    now += 100;
  }
  await new Promise((r) => setImmediate(r));
  expect(lines.map((l) => l.kind)).toEqual(['expired', 'bad-signature']);
  expect(lines[0].suppressed).toBeUndefined();

  now += 60_000;
  failures.refused('The token has expired');
  await new Promise((r) => setImmediate(r));
  expect(lines).toHaveLength(3);
  expect(lines[2]).toMatchObject({ kind: 'expired', suppressed: 49, level: 40, msg: 'request refused: authentication failed' });
});
