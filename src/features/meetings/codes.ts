/**
 * Short meeting codes people can type: "FTO-7K2", "PATZ-4QX", "SPIEGEL-9HD", "OVERLEG-M3T". The suffix is
 * random (not a counter), so a code says nothing about how many meetings a group has, and uses an
 * alphabet without look-alikes (no 0/O, 1/I/L) so a code read from a screen is typed right.
 */
import { randomInt } from 'node:crypto';
import type { MeetingType } from './types';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_SUFFIX_LENGTH = 3;

export const CODE_PREFIX: Readonly<Record<MeetingType, string>> = {
  FTO: 'FTO',
  PaTz: 'PATZ',
  spiegel: 'SPIEGEL',
  wijkoverleg: 'OVERLEG',
};

export function randomCode(type: MeetingType, length = CODE_SUFFIX_LENGTH): string {
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${CODE_PREFIX[type]}-${suffix}`;
}

const CODE_PATTERN = new RegExp(`^(FTO|PATZ|SPIEGEL|OVERLEG)-?([${CODE_ALPHABET}]{${CODE_SUFFIX_LENGTH},6})$`);

/** "fto-7k2", "FTO7K2", " FTO-7K2. " → "FTO-7K2"; undefined when the text is not shaped like a code. */
export function normaliseCode(text: string): string | undefined {
  const cleaned = text.trim().toUpperCase().replace(/[.,;:!?)]+$/, '').replace(/^[(#]/, '');
  const m = CODE_PATTERN.exec(cleaned);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** A cuid as Prisma makes them (the meeting id, as in a link or an old card). */
export function looksLikeId(text: string): boolean {
  return /^c[a-z0-9]{20,32}$/.test(text.trim());
}
