/** Folding and tokenising chat text the same way for every rule of the classifier. */

/** Lower case, no diacritics ("Oké" → "oke", "coördinator" → "coordinator"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Folded words; punctuation, emoji and symbols separate words ("top, bedankt!" → top, bedankt). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** Only emoji, symbols and punctuation ("👍", "🙏🙏", ":)"). */
export function isOnlySymbols(text: string): boolean {
  return words(text).length === 0 && (PICTOGRAPH.test(text) || /[:;][-']?[)(dp]/i.test(text));
}

/** The text without trailing punctuation and emoji: "wie ben ik?" → "wie ben ik". */
export function trimTrailing(text: string): string {
  return text.replace(/[\s.,!?;:…\p{Extended_Pictographic}\uFE0F]+$/u, '').trim();
}

/** Two strings that differ only by one pair of neighbouring letters swapped ("paln" / "plan"). */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
