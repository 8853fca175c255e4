/**
 * Refused tokens are logged as one JSON line per kind of failure per window, with the number left out since
 * the last line: anyone can send requests with bad tokens, and the log must not be theirs to flood. The kinds
 * are a fixed set (an attacker cannot invent new ones to get past the limit); the reason is the library's
 * message, first line only and cut short (src/log.ts), never the token or the signing key.
 *
 * A request the bot could not check is not the sender's fault (refusalBeforeTurn): it is logged the same
 * way, at error level, as its own kind.
 */
import type { Logger } from '../log';

export type AuthFailureKind =
  | 'missing' | 'invalid-token' | 'expired' | 'bad-signature' | 'unknown-key' | 'wrong-audience'
  | 'wrong-issuer' | 'wrong-service-url' | 'endorsement' | 'other' | 'cannot-check';

const KINDS: [RegExp, AuthFailureKind][] = [
  [/expired/i, 'expired'],
  [/invalid signature/i, 'bad-signature'],
  [/signing key could not be retrieved/i, 'unknown-key'],
  [/ServiceUrl/i, 'wrong-service-url'],
  [/endorsement/i, 'endorsement'],
  [/issuer/i, 'wrong-issuer'],
  [/audience|Invalid AppId/i, 'wrong-audience'],
  [/jwt malformed|invalid token|no valid identity|not authenticated|token version|jwt must be provided/i, 'invalid-token'],
  [/request is not authorized|authorization header/i, 'missing'],
];

export function classifyAuthFailure(message: string | undefined): AuthFailureKind {
  const text = message ?? '';
  return KINDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}

/** jsonwebtoken's own errors: botframework-connector passes a bad signature or a malformed token on as one of these. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Why a request failed before its turn began, with app credentials set: the token was refused (answer 401),
 * or the bot could not check it now (answer 503, try again later). botframework-connector refuses a token
 * with an AuthenticationError of status 401 or passes on jsonwebtoken's error; when the token service's
 * signing keys cannot be loaded it throws status 500, and node-fetch's network error when the service is
 * unreachable. Anything else before the turn comes after a token was accepted (building the reply's
 * client): not the sender's fault either. Answering 401 to those would tell the Bot Connector, and whoever
 * reads the metrics, that Teams sent a bad token while the fault was ours or the token service's.
 */
export function refusalBeforeTurn(err: unknown): 'token-refused' | 'cannot-check' {
  const e = err as { name?: unknown; statusCode?: unknown } | null;
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500 ? 'cannot-check' : 'token-refused';
  return typeof e?.name === 'string' && TOKEN_ERRORS.has(e.name) ? 'token-refused' : 'cannot-check';
}

export const AUTH_LOG_WINDOW_MS = 60_000;

export class AuthFailureLog {
  private readonly last = new Map<AuthFailureKind, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly windowMs = AUTH_LOG_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  refused(message: string | undefined): void {
    this.once(classifyAuthFailure(message), message);
  }

  /** The token could not be checked (the token service's keys, the reply's client): an error, ours to fix. */
  couldNotCheck(message: string | undefined): void {
    this.once('cannot-check', message);
  }

  private once(kind: AuthFailureKind, message: string | undefined): void {
    const t = this.now();
    const seen = this.last.get(kind);
    if (seen && t - seen.at < this.windowMs) {
      seen.suppressed++;
      return;
    }
    this.last.set(kind, { at: t, suppressed: 0 });
    const fields = { kind, reason: message, ...(seen?.suppressed ? { suppressed: seen.suppressed, windowSec: this.windowMs / 1000 } : {}) };
    if (kind === 'cannot-check') this.log.error(fields, 'request refused for now: the token could not be checked (answered 503)');
    else this.log.warn(fields, 'request refused: authentication failed');
  }
}
