/**
 * Ranked answers on a map written the way coordinators write them (issue 14): specialisations against
 * parent discipline + expertise, names and places GPs know, words no list holds, everyday phrases.
 */
import { DISCIPLINES } from '../../../src/features/socialMap/disciplines';
import { lookupIn, parseFor } from '../../../src/features/socialMap/lookup';
import { parseLookupQuery } from '../../../src/features/socialMap/queryParser';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';
import type { Partner } from '../../../src/features/socialMap/types';
import { partner } from './fixtures';

const TODAY = '2026-11-23';

function ask(index: SocialMapIndex, text: string, askerWijken: string[] = []) {
  const query = parseFor(index, text, { askerWijken });
  const result = lookupIn(index, query, { today: TODAY, askerWijken }, { limit: 50 });
  return { query, result, names: result.results.map((h) => h.partner.name) };
}

describe('a specialisation finds registered specialists first, then parent-discipline partners whose expertise names it', () => {
  it.each(DISCIPLINES.filter((d) => d.parent).map((d) => [d.code, d] as const))('%s', (_code, def) => {
    const parent = def.parent!;
    const other = parent === 'fysiotherapie' ? 'logopedie' : 'fysiotherapie';
    const naming = def.namedBy![0]!;
    const index = new SocialMapIndex([
      partner({ name: 'Parent met expertise', discipline: parent, expertise: [naming] }),
      partner({ name: 'Geregistreerde specialist', discipline: def.code }),
      partner({ name: 'Parent zonder expertise', discipline: parent, expertise: ['iets anders'] }),
      partner({ name: 'Andere discipline', discipline: other, expertise: [naming] }),
    ]);
    const { names, query } = ask(index, def.nl);
    expect(query.disciplines).toEqual([def.code]);
    expect(names).toEqual(['Geregistreerde specialist', 'Parent met expertise']);
  });

  it('answers with the parent-discipline partner when no specialist is registered (was "niets gevonden")', () => {
    const index = new SocialMapIndex([
      partner({ name: 'Fysio Olympisch Stadion', expertise: ['sport', 'hardlopen'], wijken: ['zuid'] }),
      partner({ name: 'Fysio Rivierenbuurt', expertise: ['ouderen', 'COPD'], wijken: ['zuid'] }),
      partner({ name: 'Fysio Noord', expertise: ['ouderen'], wijken: ['noord'] }),
      partner({ name: 'Fysio Zuid algemeen', expertise: ['rug'], wijken: ['zuid'] }),
    ]);
    expect(ask(index, 'sportfysio').names).toEqual(['Fysio Olympisch Stadion']);
    expect(ask(index, 'geriatriefysiotherapeut zuid').names).toEqual(['Fysio Rivierenbuurt']);
    const hit = ask(index, 'sportfysio').result.results[0]!;
    expect(hit.matched.disciplines).toEqual([]);
    expect(hit.matched.disciplineExact).toBe(false);
  });
});

describe('names and places GPs know', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Bekkenpraktijk De Pijp', discipline: 'fysiotherapie', expertise: ['bekkenbodem'], wijken: ['de-pijp'], waitWeeks: 0 }),
    partner({ name: 'Fysio De Pijp', discipline: 'fysiotherapie', address: 'Albert Cuypstraat 150', postcode: '1073 AA', waitWeeks: 6 }),
    partner({ name: 'Marloes Kuipers', organisation: 'Fysio De Pijp', discipline: 'fysiotherapie', postcode: '1073 AA', waitWeeks: 6 }),
    partner({ name: 'Arkin Basis GGZ Oost', organisation: 'Arkin', discipline: 'basis-ggz', wijken: ['oost'] }),
    partner({ name: 'Arkade Fysiotherapie', discipline: 'fysiotherapie', wijken: ['noord'] }),
    partner({ name: 'Parkinsonpraktijk', discipline: 'fysiotherapie', expertise: ['parkinson'] }),
    partner({ name: 'HVO-Querido', organisation: 'HVO-Querido', discipline: 'Beschermd wonen', wijken: ['centrum'] }),
    partner({ name: 'Thuisbegeleiding Oost', discipline: 'thuisbegeleiding', address: 'Javastraat 120', postcode: '1094 JK' }),
  ]);

  it('puts the partner named exactly what was typed first, then the one whose organisation it is', () => {
    const { names, result } = ask(index, 'fysio de pijp');
    expect(names.slice(0, 2)).toEqual(['Fysio De Pijp', 'Marloes Kuipers']);
    expect(result.results[0]!.matched.name).toBe('exact');
    expect(result.results[1]!.matched.name).toBe('organisation');
    expect(names).toContain('Bekkenpraktijk De Pijp'); // still an answer, below the named one
  });

  it('finds an organisation by its name, never a partner whose name merely looks alike', () => {
    expect(ask(index, 'Arkin').names).toEqual(['Arkin Basis GGZ Oost']);
    expect(ask(index, 'hvo-querido').names).toEqual(['HVO-Querido']);
    expect(ask(index, 'hvo querido').names).toEqual(['HVO-Querido']);
  });

  it('reads a name on the map as written, not as a typo of something else', () => {
    const q = parseLookupQuery('arkin', { knownWord: (w) => w === 'arkin' });
    expect(q.freeText).toEqual(['arkin']);
    expect(q.expertise).toEqual([]);
  });

  it('finds a street and a postcode', () => {
    expect(ask(index, 'javastraat').names).toEqual(['Thuisbegeleiding Oost']);
    // serving the whole wijk the postcode lies in ranks above an address there (as before)
    expect(ask(index, 'fysio 1073').names).toEqual(['Bekkenpraktijk De Pijp', 'Fysio De Pijp', 'Marloes Kuipers']);
  });
});

describe('words no list holds', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Traumapraktijk', discipline: 'psychologie', expertise: ['trauma', 'EMDR'], wijken: ['centrum'] }),
    partner({ name: 'Apotheek Centrum', discipline: 'apotheek', wijken: ['centrum'] }),
    partner({ name: 'Buurtteam Centrum', discipline: 'buurtteam', wijken: ['centrum'] }),
    partner({ name: 'Fysio Centrum', discipline: 'fysiotherapie', wijken: ['centrum'] }),
    partner({ name: 'OLVG Poli Geriatrie', discipline: 'ziekenhuispoli', expertise: ['geriatrie', 'geheugen'] }),
    partner({ name: 'Voedselbank Oost', discipline: 'Voedselbank', expertise: ['armoede'], wijken: ['oost'] }),
    partner({ name: 'Inloop', discipline: 'Inloophuis GGZ', wijken: ['oost'] }),
  ]);

  it('reads a Dutch compound as its parts and says so', () => {
    const { names, query } = ask(index, 'traumapsycholoog centrum');
    expect(names).toEqual(['Traumapraktijk']);
    expect(query.corrections).toEqual(['"traumapsycholoog" gelezen als Psycholoog + trauma']);
    expect(ask(index, 'geheugenpoli').names).toEqual(['OLVG Poli Geriatrie']);
  });

  it('never pads an answer with partners that match nothing but the area, and says what was not understood', () => {
    const { result } = ask(index, 'xyzzyq centrum');
    expect(result.total).toBe(0);
    expect(result.unmatched).toEqual(['xyzzyq']);
  });

  it('ranks by what did match and says what did not', () => {
    const { names, result } = ask(index, 'fysio xyzzyq centrum');
    expect(names).toEqual(['Fysio Centrum']);
    expect(result.unmatched).toEqual(['xyzzyq']);
  });

  it('finds a care type the list does not have by its label and the label’s words', () => {
    expect(ask(index, 'voedselbank').names).toEqual(['Voedselbank Oost']);
    expect(ask(index, 'voedselbank oost').names).toEqual(['Voedselbank Oost']);
    expect(ask(index, 'inloophuis').names).toEqual(['Inloop']);
  });
});

describe('everyday phrases', () => {
  it.each([
    ['fysio met plek', { excludeIntakeStop: true, maxWaitWeeks: null, nearMe: false }],
    ['fysio zonder wachtlijst', { excludeIntakeStop: true, maxWaitWeeks: null, nearMe: false }],
    ['fysio wachttijd korter dan 4 weken', { excludeIntakeStop: false, maxWaitWeeks: 3, nearMe: false }],
    ['fysio wachttijd < 4 weken', { excludeIntakeStop: false, maxWaitWeeks: 3, nearMe: false }],
    ['fysio binnen 2 weken', { excludeIntakeStop: false, maxWaitWeeks: 2, nearMe: false }],
    ['fysio maximaal 6 weken wachttijd', { excludeIntakeStop: false, maxWaitWeeks: 6, nearMe: false }],
    ['fysio zonder wachttijd', { excludeIntakeStop: false, maxWaitWeeks: 0, nearMe: false }],
    ['fysio bij mij in de buurt', { excludeIntakeStop: false, maxWaitWeeks: null, nearMe: true }],
    ['fysio in mijn wijk', { excludeIntakeStop: false, maxWaitWeeks: null, nearMe: true }],
  ])('%s', (text, expected) => {
    const q = parseLookupQuery(text);
    expect({ excludeIntakeStop: q.excludeIntakeStop, maxWaitWeeks: q.maxWaitWeeks, nearMe: q.nearMe }).toEqual(expected);
    expect(q.disciplines).toEqual(['fysiotherapie']);
    expect(q.freeText).toEqual([]);
  });

  const base = { discipline: 'fysiotherapie' } satisfies Partial<Partner>;
  const index = new SocialMapIndex([
    partner({ ...base, name: 'Wacht 2', waitWeeks: 2, wijken: ['oost'] }),
    partner({ ...base, name: 'Wacht 6', waitWeeks: 6, wijken: ['oost'] }),
    partner({ ...base, name: 'Wacht onbekend', waitWeeks: null, wijken: ['noord'] }),
    partner({ ...base, name: 'Stop', waitWeeks: 1, intakeStop: { active: true, until: null, note: null }, wijken: ['noord'] }),
  ]);

  it('"wachttijd korter dan 4 weken" keeps known short waits first, then unknown ones, never long waits or intake stops', () => {
    expect(ask(index, 'fysio wachttijd korter dan 4 weken').names).toEqual(['Wacht 2', 'Wacht onbekend']);
  });

  it('"in mijn wijk" is the asker’s own wijkgroep; unknown, it says so and searches everywhere', () => {
    expect(ask(index, 'fysio in mijn wijk', ['noord']).names).toEqual(['Wacht onbekend', 'Stop']); // the intake stop ranks last
    const unknown = ask(index, 'fysio in mijn wijk');
    expect(unknown.names).toHaveLength(4);
    expect(unknown.query.understood).toContain('bij u in de buurt: uw wijkgroep is niet bekend, dus gezocht in heel Amsterdam');
  });
});
