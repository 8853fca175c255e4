/**
 * Unguessable links the bot serves itself (FeatureModule.httpRoutes):
 * - the .ics file of a meeting: /agenda/<meetingId>/<HMAC(appSecret, meetingId)>.ics — stable for the
 *   meeting's life, so a calendar subscription or a forwarded invitation keeps working; it reveals only
 *   what the channel card shows;
 * - the presentielijst CSV: a short-lived token naming the meeting, the coordinator and an expiry, checked
 *   again on download (the right to export may have been revoked since);
 * - the year's attendance per person (`presentie Oost 2026`) as CSV: the same, naming the group and year.
 */
import { linkSignature, sameSignature } from '../../links/signature';

const ICS_TOKEN_LENGTH = 32; // base64url characters: 192 bits

export function icsToken(secret: string, meetingId: string): string {
  return linkSignature(secret, 'meeting-ics', meetingId, ICS_TOKEN_LENGTH);
}

export function icsPath(secret: string, meetingId: string): string {
  return `/agenda/${encodeURIComponent(meetingId)}/${icsToken(secret, meetingId)}.ics`;
}

export function verifyIcsToken(secret: string, meetingId: string, file: string): boolean {
  if (!/^[A-Za-z0-9]{10,40}$/.test(meetingId)) return false;
  const token = file.replace(/\.ics$/i, '');
  return sameSignature(icsToken(secret, meetingId), token);
}

export interface ListClaim {
  meetingId: string;
  personId: string;
  expiresAt: number;
}

export const LIST_LINK_TTL_MS = 24 * 60 * 60_000;

/** 128 bits of HMAC: plenty for a link that lives a day, and it keeps the token under restify's 100-character path parameter limit. */
function sign(secret: string, purpose: 'meeting-list' | 'attendance-sum', payload: string): string {
  return linkSignature(secret, purpose, payload, 22);
}

/** '<meetingId>.<personId>.<expiry, base 36>.<signature>' (about 80 characters) */
export function listToken(secret: string, claim: ListClaim): string {
  const payload = `${claim.meetingId}.${claim.personId}.${claim.expiresAt.toString(36)}`;
  return `${payload}.${sign(secret, 'meeting-list', payload)}`;
}

export function verifyListToken(secret: string, token: string, now: Date): ListClaim | null {
  const m = /^([A-Za-z0-9]{10,40})\.([A-Za-z0-9]{10,40})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  if (!sameSignature(sign(secret, 'meeting-list', `${m[1]}.${m[2]}.${m[3]}`), m[4])) return null;
  const claim = { meetingId: m[1], personId: m[2], expiresAt: parseInt(m[3], 36) };
  return claim.expiresAt > now.getTime() ? claim : null;
}

export interface SumClaim {
  groupId: string;
  year: number;
  personId: string;
  expiresAt: number;
}

/** '<groupId>.<year>.<personId>.<expiry, base 36>.<signature>' (about 90 characters, under restify's 100) */
export function sumToken(secret: string, claim: SumClaim): string {
  const payload = `${claim.groupId}.${claim.year}.${claim.personId}.${claim.expiresAt.toString(36)}`;
  return `${payload}.${sign(secret, 'attendance-sum', payload)}`;
}

export function verifySumToken(secret: string, token: string, now: Date): SumClaim | null {
  const m = /^([A-Za-z0-9]{10,40})\.(\d{4})\.([A-Za-z0-9]{10,40})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  if (!sameSignature(sign(secret, 'attendance-sum', `${m[1]}.${m[2]}.${m[3]}.${m[4]}`), m[5])) return null;
  const claim = { groupId: m[1], year: Number(m[2]), personId: m[3], expiresAt: parseInt(m[4], 36) };
  return claim.expiresAt > now.getTime() ? claim : null;
}
