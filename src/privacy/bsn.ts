/**
 * BSN (burgerservicenummer) checksum, the "elfproef".
 *
 * A BSN has 9 digits ABCDEFGHI and is valid when 9A+8B+7C+6D+5E+4F+3G+2H−1·I is divisible by 11.
 * Older numbers are sometimes written with 8 digits because the leading zero was dropped, so an 8-digit
 * input is checked as if it had a leading 0. 000000000 passes the arithmetic but is never issued.
 *
 * The checksum alone proves little: about 1 in 11 random 9-digit strings pass (RSIN numbers of
 * organisations use the very same test). The privacy guard therefore combines it with context.
 */

/** Separators people type inside a BSN: "1234.56.782", "123 456 782", "123-456-782". */
const SEPARATORS = /[\s.-]/g;

/** Digits only, without separators; undefined when the input is not an 8- or 9-digit number. */
export function bsnDigits(input: string): string | undefined {
  const digits = input.replace(SEPARATORS, '');
  if (!/^\d{8,9}$/.test(digits)) return undefined;
  return digits.padStart(9, '0');
}

export function isElfproef(digits: string): boolean {
  const normalised = bsnDigits(digits);
  if (normalised === undefined || normalised === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(normalised[i]);
  sum -= Number(normalised[8]);
  return sum % 11 === 0;
}
