/** The privacy guard as a gate for any posted text: the refusal's Dutch text, overrides, redaction. */
import { DomainError } from '../../../src/features/errors';
import { t } from '../../../src/i18n';
import { assertNoPatientData, findPatientData, findingKinds, redact, redactFields, REDACTED } from '../../../src/privacy/guardText';
import { checkPrivacy } from '../../../src/privacy/privacyGuard';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('the guard as a gate for any posted text', () => {
  test('assertNoPatientData throws privacy.blocked listing the fragments in Dutch', () => {
    let error: unknown;
    try {
      assertNoPatientData({ question: 'Mag patiënt met BSN 111222333 op de lijst?', option1: 'Ja' }, { referenceDate: NOW });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('privacy.blocked');
    expect(e.params.kinds).toBe('bsn');
    expect(t('nl', e.code, e.params)).toBe('Niet geplaatst: dit lijkt patiëntgegevens te bevatten. Haal weg: «111222333» lijkt een BSN (burgerservicenummer).');
  });

  test('clean text, and an explicit override, pass', () => {
    expect(() => assertNoPatientData({ theme: 'Antistolling bij ouderen; AGB 04012345, KvK 34123456, bel 06-12345678 voor 8 dec' }, { referenceDate: NOW })).not.toThrow();
    expect(() => assertNoPatientData({ theme: 'Casus dhr. Jansen' }, { referenceDate: NOW, override: true })).not.toThrow();
  });

  test('redaction replaces exactly the flagged spans, and the marker itself is clean', () => {
    const text = 'Casus dhr. Jansen, geb. 12-03-1954, besproken.';
    const findings = checkPrivacy(text, { referenceDate: NOW }).findings;
    expect(redact(text, findings)).toBe(`Casus ${REDACTED}, ${REDACTED}, besproken.`);
    expect(checkPrivacy(REDACTED).findings).toEqual([]);
    const fields = { summary: text, decisions: 'Geen' };
    const fieldFindings = findPatientData(fields, NOW);
    expect(redactFields(fields, fieldFindings)).toEqual({ summary: `Casus ${REDACTED}, ${REDACTED}, besproken.`, decisions: 'Geen' });
    expect(findingKinds(fieldFindings)).toEqual(['birthDate', 'patientName']);
  });
});
