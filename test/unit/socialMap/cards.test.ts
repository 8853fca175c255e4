import { detailsCard, mdInert, reportCard, resultsCard } from '../../../src/features/socialMap/cards';
import { parseLookupQuery } from '../../../src/features/socialMap/queryParser';
import { queryFromJson } from '../../../src/features/socialMap/queryJson';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';
import { servedWijken } from '../../../src/features/socialMap/service';
import { nextFreshnessRun } from '../../../src/teams/handlers/socialMap';
import { partner } from './fixtures';
import { actionsOf as actions, cardProblems, textsOf } from '../../support/cardInspect';

const NOW = new Date('2026-11-23T12:00:00Z');
const TODAY = '2026-11-23';
const view = { locale: 'nl' as const, now: NOW, today: TODAY };

const anna = partner({
  name: 'Anna de Vries', organisation: 'Fysio Dapper', discipline: 'fysiotherapie', expertise: ['bekkenbodem'], wijken: ['oost'],
  phone: '020-1234567', email: 'anna@fysio.example', website: 'https://www.fysio.example', communication: ['zorgdomein', 'telefoon'],
  agb: '04000001', waitWeeks: 2, lastCheckedAt: new Date('2026-11-01T00:00:00Z'), lastCheckedBy: 'Carla',
});
const stopped = partner({
  name: 'Sanne Bakker', discipline: 'bekkenfysiotherapie', wijken: ['oost'], intakeStop: { active: true, until: '2027-01-31', note: 'vol' },
  lastCheckedAt: new Date('2026-05-01T00:00:00Z'),
});

function outcome(text: string, partners = [anna, stopped], offset = 0) {
  const index = new SocialMapIndex(partners);
  const query = parseLookupQuery(text);
  return { query, result: index.search(query, { today: TODAY, offset, limit: 5 }), offset, limit: 5 };
}

describe('result card', () => {
  test('is a valid 1.5 card; every Action.Execute has a verb; tel: and mailto: are OpenUrl links', () => {
    const card = resultsCard(outcome('fysio bekkenbodem oost'), { q: 'fysio bekkenbodem oost' }, view);
    expect(cardProblems(card)).toEqual([]);
    const urls = actions(card).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
    expect(urls).toEqual(expect.arrayContaining(['tel:+31201234567', 'mailto:anna@fysio.example']));
    expect(actions(card).filter((a) => a.type === 'Action.Execute').map((a) => a.verb)).toEqual(expect.arrayContaining(['socialMap.details', 'socialMap.reportForm']));
  });

  test('shows the intake stop badge with its end date, and flags an entry not checked for 90 days', () => {
    const text = JSON.stringify(resultsCard(outcome('bekkenfysio oost'), { q: 'x' }, view));
    expect(text).toContain('opnamestop t/m 31 jan 2027');
    expect(text).toContain('al meer dan 90 dagen niet gecontroleerd');
    expect(text).toContain('"color":"Warning"');
  });

  test('five results with every field at its maximum length stay well under 28 KB', () => {
    const long = (n: number, c = 'x') => c.repeat(n);
    const big = Array.from({ length: 12 }, (_, i) => partner({
      name: `${long(110)} ${i}`, organisation: long(160, 'o'), discipline: 'fysiotherapie', wijken: ['oost', 'watergraafsmeer', 'ijburg', 'zuidoost'],
      postcodeAreas: ['1091', '1092', '1093', '1094', '1095', '1096'], expertise: Array.from({ length: 20 }, (_, j) => `tag${j}`),
      phone: '020-1234567', email: `${long(60, 'e')}@example.nl`, communication: ['zorgdomein', 'siilo', 'zorgmail', 'viplive', 'kis', 'telefoon', 'email'],
      intakeStop: { active: true, until: '2027-01-31', note: long(300, 'n') }, lastCheckedAt: NOW, lastCheckedBy: long(120, 'b'),
    }));
    const card = resultsCard(outcome('fysio oost', big), { q: long(300, 'q') }, view);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    expect(JSON.stringify(detailsCard(big[0]!, { ...view, interactive: true, back: { q: long(300, 'q'), offset: 0 } })).length).toBeLessThan(28_000);
  });

  test('what a user typed stays text: template syntax is inert and markdown links are not links', () => {
    const evil = partner({ name: 'Evil ${labels.report} [klik](https://evil.example) **vet**', discipline: 'logopedie', wijken: ['oost'] });
    const card = resultsCard(outcome('logopedie oost', [evil]), { q: '${title}' }, view);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).not.toContain('Klopt niet [klik]');
    expect(text).toContain('$\u200b{labels.report}');
    expect(text).not.toContain('[klik](https');
    expect(mdInert('[a](b) *c*')).toBe('\\[a\\]\u200b(b) \\*c\\*');
  });

  test('paging: "meer resultaten" carries the next offset; a later page offers "vorige"', () => {
    const many = Array.from({ length: 12 }, (_, i) => partner({ name: `Fysio ${i}`, discipline: 'fysiotherapie', wijken: ['oost'] }));
    const first = resultsCard(outcome('fysio', many), { q: 'fysio' }, view);
    expect(actions(first).find((a) => a.verb === 'socialMap.page')?.data).toEqual({ q: 'fysio', offset: 5 });
    const second = resultsCard(outcome('fysio', many, 5), { q: 'fysio' }, view);
    const paging = actions(second).filter((a) => a.verb === 'socialMap.page').map((a) => [a.title, a.data.offset]);
    expect(paging).toEqual([['Vorige', 0], ['Meer resultaten', 10]]);
    expect(JSON.stringify(second)).toContain('Resultaat 6–10 van 12');
  });

  test('no hit: says so and offers the wider searches as buttons carrying the widened query', () => {
    const card = resultsCard(outcome('logopedie noord', [partner({ discipline: 'logopedie', wijken: ['oost'] })]), { q: 'logopedie noord' }, view);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Niets gevonden');
    const widen = actions(card).filter((a) => a.verb === 'socialMap.page');
    expect(widen.length).toBeGreaterThan(0);
    expect(queryFromJson(widen.at(-1)!.data.qj).disciplines).toEqual(['logopedie']);
  });

  test('no hit: the widening buttons have short titles (Teams cuts at ~20 characters); the counts are in the text above them', () => {
    const partners = [partner({ discipline: 'logopedie', wijken: ['oost'] }), partner({ discipline: 'logopedie', wijken: ['watergraafsmeer'] })];
    const card = resultsCard(outcome('logopedie noord', partners), { q: 'logopedie noord' }, view);
    const titles = actions(card).filter((a) => a.verb === 'socialMap.page').map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Heel Amsterdam']));
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(20);
    expect(textsOf(card)).toContain('• In heel Amsterdam (zonder wijk of postcode): 2 resultaten');
    const one = resultsCard(outcome('logopedie noord', partners.slice(0, 1)), { q: 'logopedie noord' }, view);
    expect(textsOf(one)).toContain('1 resultaat');
    expect(textsOf(one)).not.toContain('1 resultaten');
  });

  test('English labels for an English-speaking user', () => {
    const text = JSON.stringify(resultsCard(outcome('fysio bekkenbodem oost'), { q: 'x' }, { ...view, locale: 'en' }));
    expect(text).toContain('Social map');
    expect(text).toContain('Preferably via ZorgDomein referral');
    expect(text).toContain('Not correct');
  });
});

describe('details and report cards', () => {
  test('details are valid; in the compose box only links remain (no Action.Execute)', () => {
    const interactive = detailsCard(anna, { ...view, interactive: true, back: { q: 'fysio', offset: 5 } });
    expect(cardProblems(interactive)).toEqual([]);
    expect(actions(interactive).find((a) => a.verb === 'socialMap.page')?.data).toEqual({ q: 'fysio', offset: 5 });
    const inserted = detailsCard(anna, { ...view, interactive: false });
    expect(cardProblems(inserted)).toEqual([]);
    expect(actions(inserted).every((a) => a.type === 'Action.OpenUrl')).toBe(true);
    expect(actions(inserted).map((a) => a.url)).toContain('https://www.fysio.example');
  });

  test('the report form asks what is wrong (required) and for an optional note', () => {
    const card = reportCard(anna, { locale: 'nl' });
    expect(cardProblems(card)).toEqual([]);
    const choice = card.body && (card.body as any[]).find((b) => b.type === 'Input.ChoiceSet');
    expect(choice.isRequired).toBe(true);
    expect(choice.choices.map((c: any) => c.value)).toEqual(['opnamestop', 'wachttijd', 'contact', 'gebied', 'bestaatNiet', 'anders']);
    expect(actions(card).find((a) => a.title === 'Annuleren')?.associatedInputs).toBe('none');
  });
});

describe('helpers', () => {
  test('a widened query from card data keeps only known codes and bounded strings', () => {
    const q = queryFromJson(JSON.stringify({ disciplines: ['logopedie', 'kapper'], areas: { wijken: ['oost', 'nergens'], postcodePrefixes: ['1092', 'DROP TABLE'] }, weekdays: ['ma', 'xx'], excludeIntakeStop: 'yes', freeText: ['a'.repeat(500), 'jansen'], __proto__: { x: 1 } }));
    expect(q).toMatchObject({ disciplines: ['logopedie'], areas: { wijken: ['oost'], postcodePrefixes: ['1092'] }, weekdays: ['ma'], excludeIntakeStop: false, freeText: ['jansen'] });
    expect(q.understood[0]).toContain('Logopedie');
    expect(() => queryFromJson('{nope')).toThrow('common.badCardData');
  });

  test('served wijken: explicit wijken, postcode areas and the own address', () => {
    expect([...servedWijken(partner({ wijken: ['oost'], postcodeAreas: ['1021'], postcode: '1097 AB' }))].sort()).toEqual(['noord', 'oost', 'watergraafsmeer']);
  });

  test('the freshness overview runs Mondays at 08:00 Amsterdam time, winter and summer', () => {
    expect(nextFreshnessRun(new Date('2026-11-23T07:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(nextFreshnessRun(new Date('2026-11-23T06:59:00Z')).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(nextFreshnessRun(new Date('2027-03-26T12:00:00Z')).toISOString()).toBe('2027-03-29T06:00:00.000Z');
  });
});

describe('wording a person notices', () => {
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

  test('a partner never checked is "nog nooit gecontroleerd", without "al meer dan 90 dagen" after it', () => {
    const never = partner({ name: 'Nooit Gecheckt', discipline: 'fysiotherapie', wijken: ['oost'], lastCheckedAt: null, lastCheckedBy: null });
    const text = textsOf(resultsCard(outcome('fysio oost', [never]), { q: 'fysio oost' }, view));
    expect(text).toContain('nog nooit gecontroleerd');
    expect(text).not.toContain('90 dagen');
    const details = textsOf(detailsCard(never, { ...view, interactive: true }));
    expect(details).toContain('Let op: nog nooit gecontroleerd.');
    expect(details).not.toContain('90 dagen');
  });

  test('the details card names each field once: "Wachttijd 2 weken", one "gecontroleerd", the stop as "ja, t/m …"', () => {
    const text = textsOf(detailsCard(anna, { ...view, interactive: true }));
    expect(text).toContain('Wachttijd 2 weken');
    expect(count(text, /wachttijd/gi)).toBe(1);
    expect(text).toContain('Gecontroleerd 1 nov 2026 door Carla');
    expect(count(text, /gecontroleerd/gi)).toBe(1);
    const stopText = textsOf(detailsCard(stopped, { ...view, interactive: true }));
    expect(stopText).toContain('Opnamestop ja, t/m 31 jan 2027 — vol');
    expect(stopText).toContain('Let op: al meer dan 90 dagen niet gecontroleerd.');
    const oneWeek = textsOf(detailsCard({ ...anna, waitWeeks: 1 }, { ...view, interactive: true }));
    expect(oneWeek).toContain('Wachttijd 1 week');
  });
});
