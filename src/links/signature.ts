/**
 * Signatures for the links the bot serves itself without a login (a meeting's .ics file, the presentielijst
 * and poll CSV exports, the netwerkkaart's picture and printout): an HMAC-SHA256 of the link's payload
 * under the server secret. Shared by the features that make such links, so there is one way to sign and
 * one way to compare:
 * - the purpose goes in front of the payload, so a signature made for one kind of link never opens another
 *   whose payload happens to read the same;
 * - a signature is compared in constant time, so its bytes cannot be guessed one by one from response times.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Characters of base64url in a whole HMAC-SHA256 (256 bits). */
export const FULL_SIGNATURE = 43;

/** base64url of HMAC-SHA256(secret, "<purpose>:<payload>"), cut to `length` characters (6 bits each). */
export function linkSignature(secret: string, purpose: string, payload: string, length: number = FULL_SIGNATURE): string {
  return createHmac('sha256', secret).update(`${purpose}:${payload}`).digest('base64url').slice(0, length);
}

/** true when `given` is `expected`, compared in constant time (a length mismatch answers at once: lengths are public). */
export function sameSignature(expected: string, given: string): boolean {
  const x = Buffer.from(expected);
  const y = Buffer.from(given);
  return x.length === y.length && timingSafeEqual(x, y);
}
