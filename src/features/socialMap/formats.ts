/**
 * Dutch formats of the social map: postcode, AGB-code, telephone, e-mail, website, dates.
 * Each checker returns the normalised value or a message code (see messages.ts), never throws, so the
 * importer can collect every problem in a file in one pass.
 */
import { DateTime } from 'luxon';

export type Checked<T = string> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

const ZONE = 'Europe/Amsterdam';

// ---------------------------------------------------------------- postcode

const POSTCODE = /^([0-9])([0-9]{3})\s*([a-zA-Z]{2})$/;
const FORBIDDEN_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

/** `1234 AB` in any case and spacing → `1234 AB`. First digit 1–9; letters never SA, SD or SS. */
export function checkPostcode(raw: string): Checked {
  const m = POSTCODE.exec(raw.trim());
  if (!m) return { ok: false, code: 'socialMap.csv.postcodeFormat' };
  if (m[1] === '0') return { ok: false, code: 'socialMap.csv.postcodeLeadingZero' };
  const letters = m[3]!.toUpperCase();
  if (FORBIDDEN_POSTCODE_LETTERS.has(letters)) return { ok: false, code: 'socialMap.csv.postcodeLetters', params: { letters } };
  return { ok: true, value: `${m[1]}${m[2]} ${letters}` };
}

/** Four-digit postcode area (PC4) or a range `1091-1098`; returns the list of PC4s. */
export function checkPostcodeArea(raw: string, maxRange: number): Checked<string[]> {
  const s = raw.trim();
  const single = /^[1-9][0-9]{3}$/.exec(s);
  if (single) return { ok: true, value: [s] };
  const r = /^([1-9][0-9]{3})\s*-\s*([1-9][0-9]{3})$/.exec(s);
  if (!r) return { ok: false, code: 'socialMap.csv.postcodeAreaFormat' };
  const from = Number(r[1]);
  const to = Number(r[2]);
  if (to < from || to - from + 1 > maxRange) return { ok: false, code: 'socialMap.csv.postcodeRange', params: { max: maxRange } };
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(String(n));
  return { ok: true, value: out };
}

// ---------------------------------------------------------------- AGB

export function checkAgb(raw: string): Checked {
  const s = raw.trim();
  if (/^[0-9]{8}$/.test(s)) return { ok: true, value: s };
  // Excel turns 04123456 into the number 4123456; say so instead of silently padding.
  if (/^[0-9]{7}$/.test(s)) return { ok: false, code: 'socialMap.csv.agbLeadingZero', params: { value: s, padded: `0${s}` } };
  return { ok: false, code: 'socialMap.csv.agbFormat', params: { value: s } };
}

// ---------------------------------------------------------------- telephone

/** Geographic area codes with two digits after the 0; all other geographic codes have three. */
const TWO_DIGIT_AREA_CODES = new Set([
  '010', '013', '015', '020', '023', '024', '026', '030', '033', '035', '036', '038', '040', '043', '045', '046',
  '050', '053', '055', '058', '070', '071', '072', '073', '074', '075', '076', '077', '078', '079',
]);
const NON_GEOGRAPHIC_3 = new Set(['084', '085', '087', '088', '091']);
const SERVICE_4 = new Set(['0800', '0900', '0906', '0909']);

/**
 * Dutch telephone numbers in any common notation (020-1234567, 020 123 4567, (020) 1234567,
 * +31 20 123 4567, +31 (0)20 1234567, 0031201234567, 06-12345678) → national notation with a dash after
 * the area code: '020-1234567', '0299-123456', '06-12345678', '0800-1234'. National notation because it
 * is what Dutch readers recognise and what Excel leaves alone (a leading '+' starts a formula there).
 */
export function checkDutchPhone(raw: string): Checked {
  let s = raw.trim().replace(/\(0\)/g, '');
  if (!/^[+0-9(][0-9\s\-./()]*$/.test(s)) return { ok: false, code: 'socialMap.csv.phoneFormat' };
  s = s.replace(/[\s\-./()]/g, '');
  if (s.startsWith('+')) {
    if (!s.startsWith('+31')) return { ok: false, code: 'socialMap.csv.phoneForeign' };
    s = `0${s.slice(3)}`;
  } else if (s.startsWith('00')) {
    if (!s.startsWith('0031')) return { ok: false, code: 'socialMap.csv.phoneForeign' };
    s = `0${s.slice(4)}`;
  }
  if (!s.startsWith('0') || s.startsWith('00')) return { ok: false, code: 'socialMap.csv.phoneFormat' };
  const p4 = s.slice(0, 4);
  if (SERVICE_4.has(p4)) {
    return s.length === 8 || s.length === 11 ? { ok: true, value: `${p4}-${s.slice(4)}` } : { ok: false, code: 'socialMap.csv.phoneFormat' };
  }
  if (s.length !== 10) return { ok: false, code: 'socialMap.csv.phoneFormat' };
  const p3 = s.slice(0, 3);
  if (s.startsWith('06')) return { ok: true, value: `06-${s.slice(2)}` };
  if (NON_GEOGRAPHIC_3.has(p3) || TWO_DIGIT_AREA_CODES.has(p3)) return { ok: true, value: `${p3}-${s.slice(3)}` };
  if (/^0[1-57]/.test(s)) return { ok: true, value: `${p4}-${s.slice(4)}` };
  return { ok: false, code: 'socialMap.csv.phoneFormat' };
}

/** National notation → E.164 for tel: links ('020-1234567' → '+31201234567'). */
export function phoneToE164(national: string): string {
  return `+31${national.replace(/\D/g, '').slice(1)}`;
}

// ---------------------------------------------------------------- e-mail and website

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/;

/** Pragmatic check (one @, a dotted domain, no spaces); lower-cased because nobody's mailbox differs by case. */
export function checkEmail(raw: string, max: number): Checked {
  const s = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (s.length > max || !EMAIL.test(s)) return { ok: false, code: 'socialMap.csv.emailFormat', params: { value: raw.trim() } };
  return { ok: true, value: s };
}

/** http(s) URL with a dotted host; `www.praktijk.nl` gets `https://` in front. */
export function checkWebsite(raw: string, max: number): Checked {
  const s = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  if (withScheme.length > max || /\s/.test(withScheme)) return { ok: false, code: 'socialMap.csv.websiteFormat' };
  try {
    const u = new URL(withScheme);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname.includes('.')) {
      return { ok: false, code: 'socialMap.csv.websiteFormat' };
    }
  } catch {
    return { ok: false, code: 'socialMap.csv.websiteFormat' };
  }
  return { ok: true, value: withScheme };
}

// ---------------------------------------------------------------- dates

/**
 * `YYYY-MM-DD` or `DD-MM-YYYY` → `YYYY-MM-DD`. Also takes one-digit day/month and `/` or `.` in the
 * Dutch order, because that is what Excel writes back after it "helpfully" reformatted the column.
 */
export function checkDate(raw: string): Checked {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (nl) [d, m, y] = [Number(nl[1]), Number(nl[2]), Number(nl[3])];
  else return { ok: false, code: 'socialMap.csv.dateFormat', params: { value: s } };
  // Calendar check by arithmetic: a time-zone library here cost seconds on a 100k-row import.
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || y > 2100 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { ok: false, code: 'socialMap.csv.dateInvalid', params: { value: s } };
  }
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/*
 * Zone conversions are memoised: luxon computes Amsterdam offsets through Intl, ~20 µs a call, and an
 * import or a stale-entries report converts the same few hundred dates over and over.
 */
const CACHE_MAX = 20_000;
const instantOfDate = new Map<string, number>();
const dateOfInstant = new Map<number, string>();

/** Start of that calendar day in Amsterdam: how a date-only "laatst gecontroleerd" becomes an instant. */
export function dateToInstant(ymd: string): Date {
  let ms = instantOfDate.get(ymd);
  if (ms === undefined) {
    ms = DateTime.fromISO(ymd, { zone: ZONE }).startOf('day').toMillis();
    if (instantOfDate.size >= CACHE_MAX) instantOfDate.clear();
    instantOfDate.set(ymd, ms);
  }
  return new Date(ms);
}

/** The Amsterdam calendar date of an instant, YYYY-MM-DD. */
export function instantToDate(instant: Date): string {
  const ms = instant.getTime();
  let ymd = dateOfInstant.get(ms);
  if (ymd === undefined) {
    ymd = DateTime.fromMillis(ms, { zone: ZONE }).toISODate()!;
    if (dateOfInstant.size >= CACHE_MAX) dateOfInstant.clear();
    dateOfInstant.set(ms, ymd);
  }
  return ymd;
}

/** Today in Amsterdam for a given `now` (never the real clock inside domain code). */
export function amsterdamToday(now: Date): string {
  return instantToDate(now);
}
