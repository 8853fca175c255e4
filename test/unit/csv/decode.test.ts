/** Uploaded bytes as text: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252; never a "�". */
import { decodeUpload } from '../../../src/csv/decode';
import { t } from '../../../src/i18n';

const latin1 = (s: string) => Buffer.from(s, 'latin1'); // Windows-1252 agrees with Latin-1 for these letters
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16 = Buffer.from([0xff, 0xfe]);

test.each([
  ['UTF-8 without BOM', utf8('naam\nCoördinator Oost\nDiëtist'), 'utf-8', 'naam\nCoördinator Oost\nDiëtist'],
  ['UTF-8 with BOM', Buffer.concat([BOM8, utf8('naam\nCoördinator')]), 'utf-8', 'naam\nCoördinator'],
  ['Windows-1252 as Dutch Excel saves it', latin1('naam;rol\r\nCoördinator;Diëtist\r\nCafé'), 'windows-1252', 'naam;rol\r\nCoördinator;Diëtist\r\nCafé'],
  ['UTF-16 LE with BOM (Excel "Unicode-tekst")', Buffer.concat([BOM16, Buffer.from('naam\tCoördinator', 'utf16le')]), 'utf-16le', 'naam\tCoördinator'],
  ['plain ASCII', utf8('naam,email\nJan,jan@x.nl'), 'utf-8', 'naam,email\nJan,jan@x.nl'],
])('%s is read as text without U+FFFD or BOM', (_name, bytes, encoding, text) => {
  expect(decodeUpload(bytes)).toEqual({ ok: true, encoding, text });
});

test('Windows-1252 letters outside Latin-1 (€, curly quotes) come out right', () => {
  const out = decodeUpload(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94]));
  expect(out).toEqual({ ok: true, encoding: 'windows-1252', text: '€ “a”' });
});

describe('refused with the line and a Dutch reason', () => {
  test('a byte undefined in Windows-1252', () => {
    const out = decodeUpload(Buffer.concat([latin1('naam\nCoördinator\nfout '), Buffer.from([0x81]), latin1('\n')]));
    expect(out).toMatchObject({ ok: false, line: 3, code: 'csv.decode.undefinedByte', params: { byte: '0x81' } });
  });

  test('UTF-8 and Windows-1252 lines mixed in one file', () => {
    const out = decodeUpload(Buffer.concat([utf8('naam\nCoördinator\n'), latin1('Diëtist\n')]));
    expect(out).toMatchObject({ ok: false, line: 3, code: 'csv.decode.mixed' });
  });

  test('an invalid sequence after a UTF-8 BOM', () => {
    const out = decodeUpload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('naam\nok\n'), latin1('Coördinator\n')]));
    expect(out).toMatchObject({ ok: false, line: 3, code: 'csv.decode.invalid', params: { encoding: 'UTF-8' } });
  });

  test('a replacement character from an earlier bad conversion', () => {
    const out = decodeUpload(utf8('naam\nOost\nCo\uFFFDrdinator\n'));
    expect(out).toMatchObject({ ok: false, line: 3, code: 'csv.decode.replacementChar' });
    expect(t('nl', (out as { code: string }).code)).toContain('Coördinator');
  });

  test('an Excel workbook instead of a CSV', () => {
    expect(decodeUpload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({ ok: false, line: 1, code: 'csv.decode.workbook' });
  });

  test('a NUL byte (UTF-16 without BOM, a binary file)', () => {
    expect(decodeUpload(Buffer.from('naam\nab', 'utf16le'))).toMatchObject({ ok: false, code: 'csv.decode.nul' });
  });
});
