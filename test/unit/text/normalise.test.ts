/**
 * Invisible and look-alike characters do not take patient data past the guard: text is normalised (format
 * characters removed, NFKC, digits of any script as ASCII) before every check.
 */
import { assertNoPatientData, redact, REDACTED } from '../../../src/privacy/guardText';
import { normaliseText } from '../../../src/text/normalise';
import { checkPrivacy } from '../../../src/privacy/privacyGuard';

const NOW = new Date('2026-11-23T10:00:00Z');
const kinds = (text: string) => checkPrivacy(text, { referenceDate: NOW }).findings.map((f) => f.kind);

describe('normaliseText', () => {
  test.each([
    ['zero-width spaces', '123\u200b456\u200b782', '123456782'],
    ['soft hyphens', 'BSN 123\u00ad456\u00ad782', 'BSN 123456782'],
    ['zero-width (non-)joiners and word joiner', '1\u200c2\u200d3\u20604', '1234'],
    ['bidi marks, overrides and isolates', 'Oost\u202egnikcah\u202c \u2066x\u2069\u200e\u200f', 'Oostgnikcah x'],
    ['a byte-order mark inside the text', 'a\ufeffb', 'ab'],
    ['fullwidth digits', '１２３４５６７８２', '123456782'],
    ['mathematical bold digits', '𝟏𝟐𝟑', '123'],
    ['Arabic-Indic and Devanagari digits', '١٢٣ ४५६', '123 456'],
    ['no-break and thin spaces', '123\u00a0456\u2009782', '123 456 782'],
    ['a decomposed ë', 'Coo\u0308rdinator', 'Coördinator'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  test('ordinary Dutch text and emoji sequences stay as they are', () => {
    for (const text of ['Coördinator Oost-Watergraafsmeer: “overleg” – 12:30 €5', 'Goed gedaan 👩‍⚕️👍🏽 👨‍👩‍👧', 'plan FTO di 8 dec 12:30']) {
      expect(normaliseText(text)).toBe(text);
    }
  });

  test('is idempotent', () => {
    for (const text of ['１２３\u200b４５６', 'ﬁets\u00ad', '٣\u200d٤', 'a\u200d👍']) expect(normaliseText(normaliseText(text))).toBe(normaliseText(text));
  });
});

describe('the guard sees through invisible and look-alike characters', () => {
  test.each([
    ['zero-width spaces', 'Bespreken we 123\u200b456\u200b782?'],
    ['soft hyphens', 'BSN 123\u00ad456\u00ad782'],
    ['fullwidth digits', 'Bespreken we １２３４５６７８２?'],
    ['a word joiner in a patient name', 'Casus dhr.\u2060 Jansen'],
    ['Arabic-Indic digits with a date of birth', 'mw. geb. ١٢-٠٣-١٩٥٤'],
  ])('%s', (_name, text) => {
    expect(kinds(text).length).toBeGreaterThan(0);
    expect(() => assertNoPatientData({ question: text }, { referenceDate: NOW })).toThrow();
  });

  test('fragments and offsets refer to the normalised text, and redaction cuts exactly them', () => {
    const text = 'Patiënt met BSN 123\u200b456\u200b782 besproken.';
    const { findings } = checkPrivacy(text, { referenceDate: NOW });
    expect(findings.map((f) => f.fragment)).toEqual(['123456782']);
    expect(redact(text, findings)).toBe(`Patiënt met BSN ${REDACTED} besproken.`);
  });
});
