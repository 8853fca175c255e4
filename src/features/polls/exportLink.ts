/**
 * Export links: the card's "Exporteer" button answers with a short-lived download link instead of a file
 * (a bot cannot hand a file to a card click). The token names the poll, the person it was made for and
 * an expiry, signed with the server secret; the download checks all three and the person's right to
 * export again, so a forwarded or stale link does not work.
 */
import { linkSignature, sameSignature } from '../../links/signature';

export interface ExportClaim {
  pollId: number;
  personId: string;
  expiresAt: number; // ms since epoch
}

function sign(secret: string, payload: string): string {
  return linkSignature(secret, 'poll-export', payload);
}

export function exportToken(secret: string, claim: ExportClaim): string {
  const payload = `${claim.pollId}.${claim.personId}.${claim.expiresAt}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyExportToken(secret: string, token: string, now: Date): ExportClaim | null {
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]{1,64})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const payload = `${m[1]}.${m[2]}.${m[3]}`;
  if (!sameSignature(sign(secret, payload), m[4])) return null;
  const claim = { pollId: Number(m[1]), personId: m[2], expiresAt: Number(m[3]) };
  return claim.expiresAt > now.getTime() ? claim : null;
}
