/**
 * Text normalisation shared by the parser, the index and the importer, so that "Diëtist", "dietist"
 * and "DIETIST" always meet in the same key.
 */
import { fillPlurals } from '../../i18n/plural';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case, diacritics removed (ë → e, é → e). Keeps everything else. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Folded tokens: letters and digits only; hyphens, slashes and punctuation split words. */
export function tokenize(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** Folded, tokenised and re-joined with single spaces: the key for phrase dictionaries. */
export function phraseKey(s: string): string {
  return tokenize(s).join(' ');
}

/** Trim and collapse inner whitespace; keep case and diacritics (for display values). */
export function tidy(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Render `{name}` placeholders. Unknown placeholders are left visible so a missing param is noticed. */
export function fillPlaceholders(template: string, params: Record<string, string | number> = {}): string {
  return fillPlurals(template, params).replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * Largest Levenshtein distance we accept as "a typo of" a word of this length. Short words get no
 * tolerance: "so" → "mw" is one edit apart, and "oost" → "oest" would be a false friend.
 */
export function typoTolerance(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  if (length < 14) return 2;
  return 3;
}
