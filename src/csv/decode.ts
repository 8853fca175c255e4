/**
 * The bytes of an uploaded file as text, for both imports (roster and sociale kaart). Dutch Excel saves
 * "CSV" as Windows-1252 and "CSV UTF-8" as UTF-8 with a byte-order mark; "Unicode-tekst" is UTF-16 with
 * one. UTF-8 and UTF-16 are decoded by Node's TextDecoder with fatal: true (nothing is guessed), Windows-1252
 * by iconv-lite (Node 20's TextDecoder reads 'windows-1252' as Latin-1: € and curly quotes come out as C1
 * control characters):
 *
 * 1. A byte-order mark decides: UTF-8, UTF-16 LE or BE. A line that does not decode is refused.
 * 2. Without one: UTF-8 when the whole file is valid UTF-8. Otherwise Windows-1252, unless some lines are
 *    valid UTF-8 with accents while others are not (two files pasted together): then the first bad line
 *    is refused, since either reading would garble the other half.
 * 3. Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D); a file holding one is
 *    neither encoding and is refused at that line.
 * 4. A decoded U+FFFD (the "�" of an earlier failed conversion) or NUL is refused at its line: Wijkbot
 *    never stores "Co�rdinator".
 * An .xlsx workbook (a zip file) is recognised and refused with how to save it as CSV.
 *
 * Refusals carry a message code (src/csv/messages.ts) and the 1-based line, like the parsers' errors.
 */

import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type DecodeOutcome =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; line: number; code: string; params: Record<string, string | number> };

const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The file split at LF, each line's bytes (CR stays with its line: it is ASCII and decodes anywhere). */
function lines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    out.push(bytes.subarray(start, i));
    start = i + 1;
  }
  out.push(bytes.subarray(start));
  return out;
}

function decodes(encoding: Encoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Decoded text must not hold U+FFFD or NUL. */
function checked(text: string, encoding: Encoding): DecodeOutcome {
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) return { ok: false, line: lineOf(text, replacement), code: 'csv.decode.replacementChar', params: {} };
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { ok: false, line: lineOf(text, nul), code: 'csv.decode.nul', params: {} };
  return { ok: true, text, encoding };
}

function decodeWithBom(bytes: Uint8Array, encoding: Encoding, bomLength: number): DecodeOutcome {
  const body = bytes.subarray(bomLength);
  try {
    return checked(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding);
  } catch {
    // where it breaks: the first replacement character of a lenient decode (utf-16 has no byte-level lines)
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    return { ok: false, line: lineOf(lenient, lenient.indexOf('\uFFFD')), code: 'csv.decode.invalid', params: { encoding: encoding.toUpperCase() } };
  }
}

export function decodeUpload(bytes: Uint8Array): DecodeOutcome {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, line: 1, code: 'csv.decode.workbook', params: {} };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWithBom(bytes, 'utf-8', 3);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWithBom(bytes, 'utf-16le', 2);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWithBom(bytes, 'utf-16be', 2);

  if (decodes('utf-8', bytes)) return checked(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf-8');

  let utf8Accents = false;
  let firstBad = 0;
  lines(bytes).forEach((line, i) => {
    if (line.every((b) => b < 0x80)) return;
    if (decodes('utf-8', line)) utf8Accents = true;
    else if (!firstBad) firstBad = i + 1;
  });
  if (utf8Accents) return { ok: false, line: firstBad, code: 'csv.decode.mixed', params: {} };

  let line = 1;
  for (const b of bytes) {
    if (b === 0x0a) line++;
    else if (UNDEFINED_IN_1252.has(b)) return { ok: false, line, code: 'csv.decode.undefinedByte', params: { byte: `0x${b.toString(16).toUpperCase()}` } };
  }
  return checked(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), 'windows-1252');
}
