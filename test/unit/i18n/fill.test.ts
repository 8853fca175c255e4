/**
 * Placeholders are filled as plain text, once. Each catalogue text is split at its placeholders the
 * first time it is used and the split is kept, so these also hold that what is kept is the text's shape,
 * never a filled-in answer.
 */
import { fill, t } from '../../../src/i18n';

describe('filling in a text', () => {
  test('the same text filled twice with different values gives each its own values', () => {
    expect(t('nl', 'socialMap.result.lastChecked', { date: '3 dec 2026', by: 'Anna' })).toBe('laatst gecontroleerd 3 dec 2026 door Anna');
    expect(t('nl', 'socialMap.result.lastChecked', { date: '1 jan 2027', by: 'Bram' })).toBe('laatst gecontroleerd 1 jan 2027 door Bram');
    expect(t('en', 'socialMap.result.lastChecked', { date: '1 Jan 2027', by: 'Bram' })).toBe('last checked 1 Jan 2027 by Bram');
  });

  test('a value that looks like a placeholder or a template expression stays as typed', () => {
    expect(t('nl', 'socialMap.result.workdays', { days: '{days} ${1+1}' })).toBe('werkt {days} ${1+1}');
  });

  test('a missing value reads as nothing; a number as its digits', () => {
    expect(t('nl', 'socialMap.result.lastChecked', { date: '3 dec 2026' })).toBe('laatst gecontroleerd 3 dec 2026 door ');
    expect(t('nl', 'socialMap.lookup.title', { total: 12 })).toBe('Sociale kaart: 12 resultaten');
  });

  test('placeholders at the very start and end, side by side, and a text without any', () => {
    expect(fill('{a}{b} en {c}', { a: 1, b: 2, c: 3 })).toBe('12 en 3');
    expect(fill('geen plaatshouders', { a: 1 })).toBe('geen plaatshouders');
    expect(fill('{ a } en {}', { a: 1 })).toBe('{ a } en {}');
  });

  test('a placeholder inside a plural branch is filled after the branch is chosen', () => {
    const text = '{n, plural, one {# partner in {wijk}} other {# partners in {wijk}}}';
    expect(fill(text, { n: 1, wijk: 'Oost' })).toBe('1 partner in Oost');
    expect(fill(text, { n: 3, wijk: 'Noord' })).toBe('3 partners in Noord');
  });
});
