/**
 * The Dutch words the date and time parsers look for, and the tokenizer they share. Matching happens on a
 * normalised form (lower case, no diacritics, straight apostrophes) so "één", "Één" and "een" are one word.
 */
import { wordTable } from '../text/wordTable';

/** ISO weekday numbers (1 = Monday), as luxon uses them. */
export const WEEKDAYS: Readonly<Record<string, number>> = wordTable({
  ma: 1, maa: 1, maan: 1, maandag: 1,
  di: 2, din: 2, dins: 2, dinsdag: 2,
  wo: 3, woe: 3, woens: 3, woensdag: 3,
  do: 4, don: 4, dond: 4, donderdag: 4,
  vr: 5, vrij: 5, vrijdag: 5,
  za: 6, zat: 6, zaterdag: 6,
  zo: 7, zon: 7, zondag: 7,
  // English names, for English-speaking colleagues ("plan FTO tue 8 dec"); none is also a Dutch word
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
});

export const MONTHS: Readonly<Record<string, number>> = wordTable({
  jan: 1, januari: 1,
  feb: 2, febr: 2, februari: 2,
  mrt: 3, mar: 3, maart: 3,
  apr: 4, april: 4,
  mei: 5,
  jun: 6, juni: 6,
  jul: 7, juli: 7,
  aug: 8, augustus: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
  // English names (jan, feb, apr, aug, sep, nov, dec, april, september, november, december are shared)
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
});

/** Number words as they appear in "over twee weken", "tien voor half zes", "om twee uur". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18,
  negentien: 19, twintig: 20,
};

/** "eerste dinsdag van de maand"; -1 means the last one. */
export const ORDINALS: Readonly<Record<string, number>> = {
  eerste: 1, '1e': 1, '1ste': 1,
  tweede: 2, '2e': 2, '2de': 2,
  derde: 3, '3e': 3, '3de': 3,
  vierde: 4, '4e': 4, '4de': 4,
  laatste: -1,
};

export const WEEKDAY_NAMES = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  nlShort: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  enShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;

export const MONTH_NAMES = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  nlShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  enShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** A word of the input: `norm` is what matchers compare, `start`/`end` let callers cut the original text. */
export interface Token {
  raw: string;
  norm: string;
  start: number;
  end: number;
}

/** Lower case, diacritics and curly apostrophes removed, trailing punctuation ("dec.", "Oost,") dropped. */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .toLowerCase()
    .replace(/[.,;:!?)]+$/, '')
    .replace(/^[(]+/, '');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const start = match.index ?? 0;
    tokens.push({ raw, norm: normaliseWord(raw), start, end: start + raw.length });
  }
  return tokens;
}

/** A count written as digits or as a word ("2", "twee", "een"). */
export function readCount(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}
