/**
 * Preferred ways of communicating with a partner. The order on a partner is meaningful (preferred first),
 * so the importer keeps it and only removes duplicates.
 */
import { distance } from 'fastest-levenshtein';
import { phraseKey, typoTolerance } from './text';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from './types';

export interface ChannelDef {
  code: CommunicationChannel;
  /** How it is written in the CSV export and on cards. */
  label: string;
  en: string;
  synonyms: string[];
}

export const CHANNELS: readonly ChannelDef[] = [
  { code: 'zorgdomein', label: 'ZorgDomein', en: 'ZorgDomein referral', synonyms: ['zorg domein', 'zd', 'verwijzing via zorgdomein'] },
  { code: 'siilo', label: 'Siilo', en: 'Siilo', synonyms: ['silo'] },
  { code: 'zorgmail', label: 'ZorgMail', en: 'ZorgMail / secure mail', synonyms: ['zorg mail', 'beveiligde mail', 'beveiligde e-mail', 'veilige mail', 'secure mail', 'edifact'] },
  { code: 'viplive', label: 'VIPLive', en: 'VIPLive', synonyms: ['vip live', 'vip'] },
  { code: 'kis', label: 'KIS', en: 'KIS (chain information system)', synonyms: ['keteninformatiesysteem', 'keten informatiesysteem'] },
  { code: 'telefoon', label: 'telefoon', en: 'telephone', synonyms: ['tel', 'telefonisch', 'bellen', 'phone', 'telephone'] },
  { code: 'email', label: 'e-mail', en: 'e-mail', synonyms: ['mail', 'e mail', 'gewone mail'] },
];

const BY_CODE = new Map(CHANNELS.map((c) => [c.code, c]));
const BY_NAME = new Map<string, CommunicationChannel>();
for (const c of CHANNELS) {
  for (const name of [c.code, c.label, c.en, ...c.synonyms]) {
    const key = phraseKey(name);
    for (const k of [key, key.replace(/ /g, '')]) if (k && !BY_NAME.has(k)) BY_NAME.set(k, c.code);
  }
}

export function channelLabel(code: CommunicationChannel, lang: 'nl' | 'en' = 'nl'): string {
  const c = BY_CODE.get(code);
  return c ? (lang === 'nl' ? c.label : c.en) : code;
}

export function resolveChannel(text: string): CommunicationChannel | null {
  const key = phraseKey(text);
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/ /g, '')) ?? null;
}

/** For "bedoelde u …?": the nearest channel name within a loose tolerance. */
export function suggestChannel(text: string): CommunicationChannel | null {
  const compact = phraseKey(text).replace(/ /g, '');
  const max = Math.max(typoTolerance(compact.length), Math.ceil(compact.length / 3));
  let best: { code: CommunicationChannel; d: number } | null = null;
  for (const [k, code] of BY_NAME) {
    if (k.includes(' ')) continue;
    const d = distance(compact, k);
    if (d <= max && (!best || d < best.d)) best = { code, d };
  }
  return best?.code ?? null;
}

export function isChannel(code: string): code is CommunicationChannel {
  return (COMMUNICATION_CHANNELS as readonly string[]).includes(code);
}
