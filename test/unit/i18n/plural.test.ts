/** Dutch plurals as a person reads them: "1 bericht / 2 berichten", "13 van hen kennen", never "bericht(en)". */
import { catalog } from '../../../src/i18n/catalog';
import { t } from '../../../src/i18n';

describe('plurals', () => {
  test('no text leaves the plural to the reader: no "(en)", "(s)" or "(n)" after a word', () => {
    const lazy = Object.entries(catalog).flatMap(([code, { nl, en }]) => [
      ...(/\p{L}\((en|s|n|e)\)/u.test(nl) ? [`${code} (nl): ${nl}`] : []),
      ...(/\p{L}\((s|es)\)/u.test(en) ? [`${code} (en): ${en}`] : []),
    ]);
    expect(lazy).toEqual([]);
  });

  test('one and many read as Dutch: berichten, afspraken, actiepunten', () => {
    expect(t('nl', 'summaries.posted', { group: 'Oost', parts: 1, agreements: 1, actions: 2 })).toBe(
      'Verslag geplaatst in het kanaal van Oost (1 bericht). 1 afspraak of besluit, 2 actiepunten; eigenaren krijgen een herinnering.',
    );
    expect(t('nl', 'summaries.preview.notice', { group: 'Oost', parts: 2 })).toContain('(2 berichten)');
    expect(t('en', 'summaries.preview.notice', { group: 'Oost', parts: 1 })).toContain('(1 message)');
  });

  test('the verb agrees: "13 van hen kennen", "1 van hen kent"', () => {
    expect(t('nl', 'polls.remind.unreachable', { count: 13 })).toMatch(/^13 van hen kennen Wijkbot nog niet/);
    expect(t('nl', 'polls.remind.unreachable', { count: 1 })).toMatch(/^1 van hen kent Wijkbot nog niet/);
    expect(t('en', 'polls.remind.unreachable', { count: 1 })).toMatch(/^1 of them is not known/);
  });

  test('counts on cards: 1 resultaat, 1 stem, 1 rol', () => {
    expect(t('nl', 'socialMap.widen.dropWeekday', { count: 1 })).toBe('Zonder werkdag: 1 resultaat');
    expect(t('nl', 'socialMap.widen.dropWeekday', { count: 4 })).toBe('Zonder werkdag: 4 resultaten');
    expect(t('nl', 'polls.card.votes', { count: 1, percent: 50 })).toBe('1 stem · 50%');
    expect(t('nl', 'groups.listLine', { name: 'Oost', members: 1, channel: 'Algemeen' })).toBe('**Oost** — 1 rol — kanaal: Algemeen');
  });

  test('a parameter inside a plural branch is filled in too, and user text is never read as a plural', () => {
    expect(t('nl', 'meetings.change.told', { told: 1, yes: 1 })).toMatch(/^1 van de 1 persoon die "Ik kom" zei kreeg/);
    expect(t('nl', 'intent.suggest.runs', { text: '{count, plural, one {x} other {y}}' })).toBe('De knop voert uit: {count, plural, one {x} other {y}}');
  });
});
