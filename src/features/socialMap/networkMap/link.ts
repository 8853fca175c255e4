/**
 * The netwerkkaart's links: the card's picture and its A4 printout are files the bot serves itself, so
 * the URL must be unguessable and must expire (an image URL in a card is fetched without any login, and
 * a card can be forwarded). The link names the map, the person it was made for, the language and an
 * expiry, signed with the app secret:
 *
 *   /netwerkkaart/<map>/<personId>.<nl|en>.<expiry, base 36>.<signature>.<png|pdf>
 *
 * <map> is `g.<wijkgroep slug>` or `w.<wijk code>[.<wijk code>…]`. The format is not signed: one link
 * serves the picture and the printout of the same map. The download checks the signature and the expiry
 * here, and the caller checks again that the person is still on the roster.
 */
import { linkSignature, sameSignature } from '../../../links/signature';

/** A week: long enough for a card in a channel to stay useful until the next wijkoverleg; the card's "Vernieuwen" makes new links. */
export const NETWORK_MAP_LINK_TTL_MS = 7 * 24 * 3_600_000;
export const NETWORK_MAP_ROUTE = '/netwerkkaart/:map/:file';

export type NetworkMapFormat = 'png' | 'pdf';

export interface NetworkMapClaim {
  /** which map: 'g.<slug>' or 'w.<code>[.<code>]' */
  map: string;
  personId: string;
  locale: 'nl' | 'en';
  expiresAt: number;
}

const MAP_PATTERN = /^(?:g\.[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?|w\.[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){0,7})$/;
const FILE_PATTERN = /^([A-Za-z0-9_-]{6,40})\.(nl|en)\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})\.(png|pdf)$/;

export function isMapRef(map: string): boolean {
  return MAP_PATTERN.test(map);
}

/** 128 bits of HMAC-SHA256: unforgeable for a link that lives a week, and the file name stays short. */
function sign(secret: string, payload: string): string {
  return linkSignature(secret, 'network-map', payload, 22);
}

export function networkMapPath(secret: string, claim: NetworkMapClaim, format: NetworkMapFormat): string {
  if (!isMapRef(claim.map)) throw new Error('invalid map reference');
  const payload = `${claim.map}/${claim.personId}.${claim.locale}.${claim.expiresAt.toString(36)}`;
  return `/netwerkkaart/${claim.map}/${claim.personId}.${claim.locale}.${claim.expiresAt.toString(36)}.${sign(secret, payload)}.${format}`;
}

/** The claim and format of a valid, unexpired link; null for anything else (forged, expired, malformed). */
export function verifyNetworkMapLink(secret: string, map: string, file: string, now: Date): { claim: NetworkMapClaim; format: NetworkMapFormat } | null {
  if (!isMapRef(map)) return null;
  const m = FILE_PATTERN.exec(file);
  if (!m) return null;
  const payload = `${map}/${m[1]}.${m[2]}.${m[3]}`;
  if (!sameSignature(sign(secret, payload), m[4]!)) return null;
  const claim: NetworkMapClaim = { map, personId: m[1]!, locale: m[2] as 'nl' | 'en', expiresAt: parseInt(m[3]!, 36) };
  return claim.expiresAt > now.getTime() ? { claim, format: m[5] as NetworkMapFormat } : null;
}
