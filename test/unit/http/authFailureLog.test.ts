import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log';
import { AuthFailureLog, classifyAuthFailure, refusalBeforeTurn } from '../../../src/http/authFailureLog';

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

describe('refusalBeforeTurn: a bad token, or a token the bot could not check now', () => {
  class AuthenticationError extends Error {
    constructor(message: string, readonly statusCode: number) {
      super(message);
    }
  }
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  test.each([
    ['the token expired (botframework-connector)', new AuthenticationError('The token has expired', 401)],
    ['no valid identity', new AuthenticationError('Unauthorized. No valid identity.', 401)],
    ['no Authorization header', new AuthenticationError("'authHeader' required.", 400)],
    ['a bad signature (jsonwebtoken, passed on)', named('JsonWebTokenError', 'invalid signature')],
    ['expired (jsonwebtoken)', named('TokenExpiredError', 'jwt expired')],
    ['not yet valid (jsonwebtoken)', named('NotBeforeError', 'jwt not active')],
  ])('%s: the token is refused', (_name, err) => {
    expect(refusalBeforeTurn(err)).toBe('token-refused');
  });

  test.each([
    ['the OpenID document did not load', new AuthenticationError('Failed to load openID config: 503', 500)],
    ['the keys did not load', new AuthenticationError('Failed to load Keys: 502', 500)],
    ['the token service unreachable (node-fetch)', Object.assign(named('FetchError', 'request to https://login.botframework.com failed, reason: connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ["the reply's client could not be built", new Error('credentials unavailable')],
    ['not an error at all', undefined],
  ])('%s: the token could not be checked', (_name, err) => {
    expect(refusalBeforeTurn(err)).toBe('cannot-check');
  });
});

test('a token that could not be checked is logged at error level, once per window like a refused one', () => {
  const { lines, log } = capture();
  let now = 0;
  const failures = new AuthFailureLog(log, 60_000, () => now);
  failures.couldNotCheck('Failed to load Keys: 503');
  failures.couldNotCheck('Failed to load Keys: 503');
  failures.refused('The token has expired');
  now = 61_000;
  failures.couldNotCheck('Failed to load Keys: 503');
  expect(lines.map((l) => [l.level, l.kind, l.suppressed])).toEqual([
    [50, 'cannot-check', undefined],
    [40, 'expired', undefined],
    [50, 'cannot-check', 1],
  ]);
});
