/**
 * Refused tokens are logged as one JSON line per kind of failure per window, with the number left out since
 * the last line: anyone can send requests with bad tokens, and the log must not be theirs to flood. The kinds
 * are a fixed set (an attacker cannot invent new ones to get past the limit); the reason is the library's
 * message, first line only and cut short (src/log.ts), never the token or the signing key.
 */
import type { Logger } from '../log';

export type AuthFailureKind =
  | 'missing' | 'invalid-token' | 'expired' | 'bad-signature' | 'unknown-key' | 'wrong-audience'
  | 'wrong-issuer' | 'wrong-service-url' | 'endorsement' | 'other';

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

export const AUTH_LOG_WINDOW_MS = 60_000;

export class AuthFailureLog {
  private readonly last = new Map<AuthFailureKind, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly windowMs = AUTH_LOG_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  refused(message: string | undefined): void {
    const kind = classifyAuthFailure(message);
    const t = this.now();
    const seen = this.last.get(kind);
    if (seen && t - seen.at < this.windowMs) {
      seen.suppressed++;
      return;
    }
    this.last.set(kind, { at: t, suppressed: 0 });
    const fields = { kind, reason: message, ...(seen?.suppressed ? { suppressed: seen.suppressed, windowSec: this.windowMs / 1000 } : {}) };
    this.log.warn(fields, 'request refused: authentication failed');
  }
}
