import { describeLookupQuery, isEmptyLookupQuery, parseLookupQuery } from '../../../src/features/socialMap/queryParser';

describe('parseLookupQuery', () => {
  it('reads the canonical example "fysio bekkenbodem Oost zonder opnamestop"', () => {
    expect(parseLookupQuery('fysio bekkenbodem Oost zonder opnamestop')).toEqual({
      disciplines: ['fysiotherapie'],
      expertise: ['bekkenbodem'],
      areas: { wijken: ['oost'], postcodePrefixes: [] },
      weekdays: [],
      excludeIntakeStop: true,
      maxWaitWeeks: null,
      nearMe: false,
      freeText: [],
      words: ['fysio', 'bekkenbodem', 'oost'],
      corrections: [],
      understood: ['discipline: Fysiotherapie', 'expertise: bekkenbodem', 'wijk: Oost', 'zonder opnamestop'],
    });
  });

  it.each([
    ['fysio', 'fysiotherapie'],
    ['fysiotherapuet', 'fysiotherapie'],
    ['POH GGZ', 'poh-ggz'],
    ['POH-GGZ', 'poh-ggz'],
    ['SO', 'specialist-ouderengeneeskunde'],
    ['WV', 'wijkverpleging'],
    ['MW', 'maatschappelijk-werk'],
    ['wijkverpleging', 'wijkverpleging'],
    ['diëtist', 'dietetiek'],
    ['dietist', 'dietetiek'],
    ['logo', 'logopedie'],
    ['ergo', 'ergotherapie'],
    ['psych', 'psychologie'],
    ['casemanager dementie', 'casemanagement-dementie'],
  ])('recognises the discipline in %p', (text, code) => {
    expect(parseLookupQuery(text).disciplines).toEqual([code]);
  });

  it('reports what it read a typo as', () => {
    const q = parseLookupQuery('fysiotherapuet in Zuidoost');
    expect(q.disciplines).toEqual(['fysiotherapie']);
    expect(q.understood).toContain('"fysiotherapuet" gelezen als Fysiotherapie');
  });

  it.each([
    ['bekkenbodem', ['bekkenbodem']],
    ['oedeem', ['oedeem']],
    ['dementie', ['dementie']],
    ['bekkenbodemklachten', ['bekkenbodem']],
    ['huiselijk geweld', ['huiselijk geweld']],
  ])('recognises expertise in %p', (text, expertise) => {
    const q = parseLookupQuery(text);
    expect(q.expertise).toEqual(expertise);
    expect(q.freeText).toEqual([]);
  });

  describe('areas', () => {
    it('keeps Oost, Zuidoost and Oost-Watergraafsmeer apart', () => {
      expect(parseLookupQuery('in Oost').areas.wijken).toEqual(['oost']);
      expect(parseLookupQuery('Zuidoost').areas.wijken).toEqual(['zuidoost']);
      expect(parseLookupQuery('zuid-oost').areas.wijken).toEqual(['zuidoost']);
      const ow = parseLookupQuery('SO Oost-Watergraafsmeer');
      expect(ow.areas.wijken).toEqual(['oost', 'watergraafsmeer']);
      expect(ow.areas.wijken).not.toContain('zuidoost');
      expect(ow.freeText).toEqual([]);
    });

    it('reads multi-word names with filler words inside as one phrase', () => {
      const q = parseLookupQuery('wijkverpleging in Bos en Lommer');
      expect(q.areas.wijken).toEqual(['bos-en-lommer']);
      expect(q.disciplines).toEqual(['wijkverpleging']);
      expect(parseLookupQuery('diëtist De Pijp').areas.wijken).toEqual(['de-pijp']);
      expect(parseLookupQuery('dietist Nieuw-West').areas.wijken).toEqual(['nieuw-west']);
    });

    it('reads postcodes and postcode areas', () => {
      expect(parseLookupQuery('1092').areas.postcodePrefixes).toEqual(['1092']);
      expect(parseLookupQuery('1092 AB').areas.postcodePrefixes).toEqual(['1092AB']);
      expect(parseLookupQuery('1092ab').areas.postcodePrefixes).toEqual(['1092AB']);
      expect(parseLookupQuery('1092 ab').areas.postcodePrefixes).toEqual(['1092AB']);
    });

    it('does not swallow a Dutch word after a PC4 as postcode letters', () => {
      const q = parseLookupQuery('POH-GGZ 1092 op di');
      expect(q.areas.postcodePrefixes).toEqual(['1092']);
      expect(q.weekdays).toEqual(['di']);
      expect(parseLookupQuery('1092 SS').areas.postcodePrefixes).toEqual(['1092']);
    });
  });

  describe('weekdays', () => {
    it.each([
      ['op dinsdag', ['di']],
      ['di', ['di']],
      ['dinsdags', ['di']],
      ['ma of wo', ['ma', 'wo']],
      ['weekend', ['za', 'zo']],
      ['op zo', ['zo']],
      ['za en zo', ['za', 'zo']],
    ])('%p → %p', (text, days) => {
      expect(parseLookupQuery(text).weekdays).toEqual(days);
    });

    it('reads "zo" as the adverb, not Sunday, in "zo snel mogelijk"', () => {
      const q = parseLookupQuery('zo snel mogelijk een psycholoog');
      expect(q.weekdays).toEqual([]);
      expect(q.disciplines).toEqual(['psychologie']);
      expect(q.freeText).toEqual([]);
    });
  });

  it.each([
    'zonder opnamestop',
    'geen opnamestop',
    'geen patiëntenstop',
    'neemt nieuwe patiënten aan',
    'die nog nieuwe patienten aanneemt',
    'beschikbaar',
  ])('%p excludes intake stops', (text) => {
    const q = parseLookupQuery(`fysio ${text}`);
    expect(q.excludeIntakeStop).toBe(true);
    expect(q.freeText).toEqual([]);
  });

  it('does not exclude intake stops when only the word is mentioned', () => {
    expect(parseLookupQuery('fysio opnamestop').excludeIntakeStop).toBe(false);
  });

  it('ignores filler words and keeps unknown words as free text', () => {
    const q = parseLookupQuery('Ik zoek een fysio voor een patiënt met bekkenbodemklachten in Oost, praktijk Jansen');
    expect(q.disciplines).toEqual(['fysiotherapie']);
    expect(q.expertise).toEqual(['bekkenbodem']);
    expect(q.areas.wijken).toEqual(['oost']);
    expect(q.freeText).toEqual(['jansen']);
  });

  it('uses the index vocabulary for local tags, but never filler words from them', () => {
    const vocabulary = ['Kinderen met ADHD', 'schisis', 'met'];
    const q = parseLookupQuery('logo schisis met', { expertiseVocabulary: vocabulary });
    expect(q.expertise).toEqual(['schisis']);
    expect(q.freeText).toEqual([]);
  });

  it('returns an empty query for nothing but filler', () => {
    const q = parseLookupQuery('ik zoek een');
    expect(isEmptyLookupQuery(q)).toBe(true);
    expect(q.understood).toEqual([]);
  });

  it('describes a query in English too', () => {
    const q = parseLookupQuery('logo 1092 op dinsdag zonder opnamestop');
    expect(describeLookupQuery(q, 'en')).toEqual(['discipline: Speech therapy', 'postcode: 1092', 'working day: Tuesday', 'no intake stop']);
  });

  it('is bounded on absurd input', () => {
    const q = parseLookupQuery('fysio '.repeat(10_000));
    expect(q.disciplines).toEqual(['fysiotherapie']);
  });
});
