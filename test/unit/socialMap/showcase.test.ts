import { generatePartners, showcasePartners } from '../../../src/features/socialMap/demoData';
import { parseLookupQuery } from '../../../src/features/socialMap/queryParser';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';

const TODAY = '2026-11-23';
const index = new SocialMapIndex([...showcasePartners(TODAY), ...generatePartners(400, 2026, { today: TODAY })]);
const search = (text: string) => index.search(parseLookupQuery(text), { today: TODAY, limit: 5 });

describe('the demo social map answers the examples people are shown', () => {
  test('"fysio bekkenbodem Oost zonder opnamestop" finds the bekkenfysiotherapeut in Oost without intake stop', () => {
    const r = search('fysio bekkenbodem Oost zonder opnamestop');
    expect(r.results[0]?.partner.name).toBe('Lotte van den Broek');
    expect(r.results.some((x) => x.intakeStopActive)).toBe(false);
  });

  test('without "zonder opnamestop" the partner with an intake stop is shown, below the open one', () => {
    const names = search('fysio bekkenbodem Oost').results.map((x) => x.partner.name);
    expect(names.indexOf('Lotte van den Broek')).toBeLessThan(names.indexOf('Sem Bakker'));
  });

  test.each([['POH GGZ Noord', 'Yara El Idrissi'], ['dietist Zuidoost', 'Daan Peters']])('"%s" finds %s', (q, name) => {
    expect(search(q).results.map((x) => x.partner.name)).toContain(name);
  });
});
