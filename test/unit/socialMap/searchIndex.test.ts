import { parseLookupQuery } from '../../../src/features/socialMap/queryParser';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';
import { generatePartners } from '../../../src/features/socialMap/demoData';
import { partner } from './fixtures';
import type { Partner } from '../../../src/features/socialMap/types';

const TODAY = '2026-11-23';

function names(index: SocialMapIndex, text: string, opts: { offset?: number; limit?: number } = {}): string[] {
  return index.search(parseLookupQuery(text, { expertiseVocabulary: index.expertiseVocabulary() }), { today: TODAY, limit: 50, ...opts }).results.map((r) => r.partner.name);
}

describe('SocialMapIndex.search: filters', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Fysio Oost', discipline: 'fysiotherapie', wijken: ['oost'] }),
    partner({ name: 'Bekken Oost', discipline: 'bekkenfysiotherapie', wijken: ['oost'] }),
    partner({ name: 'Fysio Zuidoost', discipline: 'fysiotherapie', wijken: ['zuidoost'] }),
    partner({ name: 'Fysio Watergraafsmeer', discipline: 'fysiotherapie', wijken: ['watergraafsmeer'] }),
    partner({ name: 'Logo Oost', discipline: 'logopedie', wijken: ['oost'] }),
  ]);

  it('finds specialisations under the parent discipline, not the other way round', () => {
    expect(names(index, 'fysio Oost').sort()).toEqual(['Bekken Oost', 'Fysio Oost']);
    expect(names(index, 'bekkenfysio Oost')).toEqual(['Bekken Oost']);
  });

  it('ranks the exact discipline above a specialisation of it', () => {
    expect(names(index, 'fysio Oost')).toEqual(['Fysio Oost', 'Bekken Oost']);
  });

  it('never confuses Oost with Zuidoost', () => {
    expect(names(index, 'fysio in Oost')).not.toContain('Fysio Zuidoost');
    expect(names(index, 'fysio Zuidoost')).toEqual(['Fysio Zuidoost']);
    expect(names(index, 'fysio Oost-Watergraafsmeer').sort()).toEqual(['Bekken Oost', 'Fysio Oost', 'Fysio Watergraafsmeer']);
  });

  it('ORs disciplines and areas', () => {
    expect(names(index, 'logo of fysio Zuidoost')).toEqual(['Fysio Zuidoost']);
    expect(names(index, 'logo Oost').length).toBe(1);
    expect(names(index, 'Zuidoost Watergraafsmeer fysio').sort()).toEqual(['Fysio Watergraafsmeer', 'Fysio Zuidoost']);
  });
});

describe('SocialMapIndex.search: areas and postcodes', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Serves wijk Oost', wijken: ['oost'] }),
    partner({ name: 'Serves PC4 1092', postcodeAreas: ['1092'] }),
    partner({ name: 'Lives at 1092 AB', postcode: '1092 AB' }),
    partner({ name: 'Lives at 1092 CD', postcode: '1092 CD' }),
    partner({ name: 'Serves PC4 1094', postcodeAreas: ['1094'] }),
    partner({ name: 'Zuidoost practice', postcode: '1102 AB', wijken: ['zuidoost'] }),
  ]);

  it('matches a PC4 via the served wijk, a declared area or the address', () => {
    expect(names(index, '1092').sort()).toEqual(['Lives at 1092 AB', 'Lives at 1092 CD', 'Serves PC4 1092', 'Serves wijk Oost'].sort());
  });

  it('answers each area on its own when areas are asked one after another (plans share what an area is)', () => {
    const first = names(index, '1092').sort();
    expect(names(index, '1102')).toEqual(['Zuidoost practice']);
    expect(names(index, '1094').sort()).toEqual(['Serves PC4 1094', 'Serves wijk Oost']);
    expect(names(index, 'zuidoost')).toEqual(['Zuidoost practice']);
    expect(names(index, '1092').sort()).toEqual(first);
    expect(names(index, '1092 zuidoost').sort()).toEqual([...first, 'Zuidoost practice'].sort());
  });

  it('accepts postcode prefixes with a space from callers that build the query themselves', () => {
    const q = { ...parseLookupQuery('fysio'), areas: { wijken: [], postcodePrefixes: ['1092 ab'] } };
    const found = index.search(q, { today: TODAY, limit: 10 }).results.map((r) => r.partner.name);
    expect(found).toHaveLength(4);
    expect(found.indexOf('Lives at 1092 AB')).toBeLessThan(found.indexOf('Lives at 1092 CD'));
  });

  it('prefers the exact address for a full postcode', () => {
    const found = names(index, 'fysio 1092 AB');
    expect(found).toHaveLength(4);
    expect(found.indexOf('Lives at 1092 AB')).toBeLessThan(found.indexOf('Lives at 1092 CD'));
  });

  it('for a wijk, ranks explicit service above partial postcode coverage above an address only', () => {
    const r = index.search(parseLookupQuery('Oost'), { today: TODAY, limit: 10 });
    expect(r.results.map((h) => [h.partner.name, h.matched.areaMatch])).toEqual([
      ['Serves wijk Oost', 'wijk'],
      ['Serves PC4 1092', 'postcodeArea'],
      ['Serves PC4 1094', 'postcodeArea'],
      ['Lives at 1092 AB', 'address'],
      ['Lives at 1092 CD', 'address'],
    ]);
  });
});

describe('SocialMapIndex.search: ranking and intake stops', () => {
  const base = { discipline: 'fysiotherapie', wijken: ['oost'] };
  const index = new SocialMapIndex([
    partner({ ...base, name: 'A stop open-ended', expertise: ['bekkenbodem'], intakeStop: { active: true, until: null, note: 'vol' } }),
    partner({ ...base, name: 'B available', expertise: ['bekkenbodem'] }),
    partner({ ...base, name: 'C stop ended yesterday', expertise: ['bekkenbodem'], intakeStop: { active: true, until: '2026-11-22', note: null } }),
    partner({ ...base, name: 'D stop ends today', expertise: ['bekkenbodem'], intakeStop: { active: true, until: TODAY, note: null } }),
    partner({ ...base, name: 'E partial expertise', expertise: ['bekkenbodemproblematiek'] }),
    partner({ ...base, name: 'F bekkenfysio, implied', discipline: 'bekkenfysiotherapie' }),
    partner({ ...base, name: 'G no expertise' }),
    partner({ ...base, name: 'H other wijk', wijken: ['noord'], expertise: ['bekkenbodem'] }),
  ]);

  // F has no tag, but its specialisation is the asked expertise: as exact as a tagged fysiotherapeut.
  it('puts exact matches first and active intake stops below otherwise-equal entries', () => {
    const r = index.search(parseLookupQuery('fysio bekkenbodem Oost'), { today: TODAY, limit: 10 });
    expect(r.results.map((h) => [h.partner.name, h.intakeStopActive])).toEqual([
      ['B available', false],
      ['C stop ended yesterday', false],
      ['F bekkenfysio, implied', false],
      ['A stop open-ended', true],
      ['D stop ends today', true],
      ['E partial expertise', false],
    ]);
    expect(r.total).toBe(6);
  });

  it('filters active intake stops out for "zonder opnamestop", keeping expired ones', () => {
    expect(names(index, 'fysio bekkenbodem Oost zonder opnamestop')).toEqual(['B available', 'C stop ended yesterday', 'F bekkenfysio, implied', 'E partial expertise']);
  });

  it('orders equal entries by waiting time, then freshness, then name', () => {
    const idx = new SocialMapIndex([
      partner({ name: 'Zz long wait', waitWeeks: 8 }),
      partner({ name: 'Aa unknown wait', waitWeeks: null }),
      partner({ name: 'Mm short wait', waitWeeks: 1 }),
      partner({ name: 'Bb short wait, fresher', waitWeeks: 1, lastCheckedAt: new Date('2026-11-20T00:00:00Z') }),
    ]);
    expect(names(idx, 'fysio')).toEqual(['Bb short wait, fresher', 'Mm short wait', 'Zz long wait', 'Aa unknown wait']);
  });

  it('explains what matched', () => {
    const hit = index.search(parseLookupQuery('fysio bekkenbodem Oost'), { today: TODAY, limit: 1 }).results[0]!;
    expect(hit.matched).toEqual({
      disciplines: ['fysiotherapie'],
      disciplineExact: true,
      expertise: ['bekkenbodem'],
      wijken: ['oost'],
      postcodes: [],
      areaMatch: 'wijk',
      weekdays: [],
      freeText: [],
      name: null,
    });
  });
});

describe('SocialMapIndex.search: weekdays, expertise and free text', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Works tuesday', workdays: ['di', 'do'] }),
    partner({ name: 'Monday only', workdays: ['ma'] }),
    partner({ name: 'Days unknown', workdays: [] }),
    partner({ name: 'Lymfe', discipline: 'fysiotherapie', expertise: ['Lymfoedeem'], workdays: ['ma'] }),
    partner({ name: 'Anna Jansen', discipline: 'logopedie', organisation: 'Logopedie Dapper', workdays: ['ma'] }),
    partner({ name: 'Piet Janssen', discipline: 'dietetiek', workdays: ['ma'] }),
  ]);

  it('keeps partners whose days are unknown, below those known to work that day', () => {
    expect(names(index, 'fysio op dinsdag')).toEqual(['Works tuesday', 'Days unknown']);
  });

  it('matches expertise inside longer tags, case-insensitively', () => {
    expect(names(index, 'oedeem')).toEqual(['Lymfe']);
  });

  it('filters on free text when that is all there is, by word prefix', () => {
    expect(names(index, 'jansen')).toEqual(['Anna Jansen']);
    expect(names(index, 'jans')).toEqual(['Anna Jansen', 'Piet Janssen']);
    expect(names(index, 'dapper')).toEqual(['Anna Jansen']);
  });

  it('only ranks on free text next to a discipline or expertise; next to a weekday or area alone it is the subject', () => {
    const ranked = index.search(parseLookupQuery('logo janssen'), { today: TODAY, limit: 10 });
    expect(ranked.results.map((h) => h.partner.name)).toEqual(['Anna Jansen']);
    const byDiscipline = index.search(parseLookupQuery('dietist op maandag janssen'), { today: TODAY, limit: 10 });
    expect(byDiscipline.results[0]!.matched.freeText).toEqual(['janssen']);
    const r = index.search(parseLookupQuery('op maandag janssen'), { today: TODAY, limit: 10 });
    expect(r.results.map((h) => h.partner.name)).toEqual(['Piet Janssen']); // not every partner working on Mondays
    expect(r.results[0]!.matched.freeText).toEqual(['janssen']);
  });
});

describe('SocialMapIndex.search: free text next to a discipline, on a larger map', () => {
  // Many candidates and a rare word: the search marks the word's partners from its postings first.
  const fysios = Array.from({ length: 40 }, (_, i) => partner({ name: `Fysio ${i}`, discipline: 'fysiotherapie', address: `Lindengracht ${i + 1}` }));
  const onPlein = partner({ name: 'Praktijk Een', discipline: 'fysiotherapie', address: 'Kastanjeplein 1' });

  it('ranks the partner with the word first, and stops doing so once its address no longer has it', () => {
    const index = new SocialMapIndex([...fysios, onPlein]);
    const before = index.search(parseLookupQuery('fysio kastanjeplein'), { today: TODAY, limit: 3 });
    expect(before.total).toBe(41); // the word ranks, it does not filter
    expect(before.results[0]!.partner.name).toBe('Praktijk Een');
    expect(before.results[0]!.matched.freeText).toEqual(['kastanjeplein']);

    // the move leaves the old word's posting behind (removal is lazy): it must not count any more
    index.upsert({ ...onPlein, address: 'Dapperstraat 1' });
    const newcomer = partner({ name: 'Praktijk Twee', discipline: 'fysiotherapie', address: 'Kastanjeplein 9' });
    index.upsert(newcomer);
    const after = index.search(parseLookupQuery('fysio kastanjeplein'), { today: TODAY, limit: 50 });
    expect(after.results[0]!.partner.name).toBe('Praktijk Twee');
    const moved = after.results.find((h) => h.partner.name === 'Praktijk Een')!;
    expect(moved.matched.freeText).toEqual([]);
    expect(moved.score).toBe(after.results.find((h) => h.partner.name === 'Fysio 0')!.score);
  });
});

describe('SocialMapIndex: incremental updates', () => {
  it('upserts and removes single partners', () => {
    const a = partner({ name: 'A', wijken: ['oost'] });
    const b = partner({ name: 'B', wijken: ['oost'] });
    const index = new SocialMapIndex([a, b]);
    expect(names(index, 'fysio Oost')).toEqual(['A', 'B']);

    index.upsert({ ...a, intakeStop: { active: true, until: null, note: null } });
    expect(names(index, 'fysio Oost')).toEqual(['B', 'A']);
    expect(names(index, 'fysio Oost beschikbaar')).toEqual(['B']);
    expect(index.size).toBe(2);

    index.upsert({ ...b, wijken: ['noord'] });
    expect(names(index, 'fysio Oost')).toEqual(['A']);
    expect(names(index, 'fysio Noord')).toEqual(['B']);
    // a postcode finds the partners naming its wijk, as they name it now
    expect(names(index, 'fysio 1091')).toEqual(['A']);
    expect(names(index, 'fysio 1021')).toEqual(['B']);

    expect(index.remove(a.id)).toBe(true);
    expect(index.remove(a.id)).toBe(false);
    expect(names(index, 'fysio')).toEqual(['B']);
    expect(index.get(a.id)).toBeUndefined();

    const c = partner({ name: 'C', discipline: 'logopedie', expertise: ['stotteren'] });
    index.upsert(c);
    expect(names(index, 'logo stotteren')).toEqual(['C']);
    expect(index.size).toBe(2);
  });

  it('keeps prefix search right when words come and go after the first query', () => {
    const index = new SocialMapIndex([partner({ name: 'Anna Jansen' })]);
    expect(names(index, 'jans')).toEqual(['Anna Jansen']);
    const late = partner({ name: 'Bob Jansma', expertise: ['valpreventie'] });
    index.upsert(late);
    expect(names(index, 'jans')).toEqual(['Anna Jansen', 'Bob Jansma']);
    expect(names(index, 'fysio valpreventie')).toEqual(['Bob Jansma']);
    index.remove(late.id);
    expect(names(index, 'jans')).toEqual(['Anna Jansen']);
    expect(index.suggest('jansm', 5)).toEqual([]);
  });

  it('rejects a malformed today instead of mis-ranking intake stops', () => {
    const index = new SocialMapIndex([partner()]);
    expect(() => index.search(parseLookupQuery('fysio'), { today: '23-11-2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('forgets words and tags that no partner has any more', () => {
    const p = partner({ name: 'Unieknaam', expertise: ['zeldzametag'] });
    const index = new SocialMapIndex([p]);
    expect(index.expertiseVocabulary()).toContain('zeldzametag');
    index.upsert({ ...p, name: 'Anders', expertise: [] });
    expect(index.expertiseVocabulary()).not.toContain('zeldzametag');
    expect(names(index, 'unieknaam')).toEqual([]);
  });
});

describe('SocialMapIndex.search: paging and no results', () => {
  const many = Array.from({ length: 60 }, (_, i) => partner({ name: `Fysio ${String(i).padStart(2, '0')}`, wijken: ['zuid'], workdays: ['ma'] }));
  const index = new SocialMapIndex([
    ...many,
    partner({ name: 'Bekken De Pijp', discipline: 'bekkenfysiotherapie', wijken: ['de-pijp'], workdays: ['ma'] }),
    partner({ name: 'Logo Zuid stop', discipline: 'logopedie', wijken: ['zuid'], intakeStop: { active: true, until: null, note: null } }),
  ]);

  it('pages with a stable order and an exact total', () => {
    const first = index.search(parseLookupQuery('fysio Zuid'), { today: TODAY, offset: 0, limit: 10 });
    const second = index.search(parseLookupQuery('fysio Zuid'), { today: TODAY, offset: 10, limit: 10 });
    expect(first.total).toBe(60);
    expect(first.results.map((r) => r.partner.name)).toEqual(many.slice(0, 10).map((p) => p.name));
    expect(second.results.map((r) => r.partner.name)).toEqual(many.slice(10, 20).map((p) => p.name));
    expect(index.search(parseLookupQuery('fysio Zuid'), { today: TODAY, limit: 1000 }).results).toHaveLength(50);
  });

  it('returns a structured no-results with ways to widen, each with its count', () => {
    const r = index.search(parseLookupQuery('bekkenfysio Zuid op maandag'), { today: TODAY });
    expect(r.total).toBe(0);
    expect(r.results).toEqual([]);
    expect(r.noResults!.messageKey).toBe('socialMap.search.noResults');
    // Dropping the weekday alone would still find nothing, so it is not offered.
    expect(r.noResults!.suggestions.map((s) => [s.kind, s.total])).toEqual([
      ['neighbouringWijken', 1],
      ['dropArea', 1],
      ['parentDiscipline', 60],
    ]);
    const [neighbours, , parent] = r.noResults!.suggestions;
    expect(neighbours!.params.value).toContain('De Pijp');
    expect(neighbours!.query.areas.wijken).toEqual(expect.arrayContaining(['zuid', 'de-pijp']));
    expect(parent!.query.disciplines).toEqual(['fysiotherapie']);
    expect(parent!.query.understood).toContain('discipline: Fysiotherapie');
    expect(index.search(parent!.query, { today: TODAY }).total).toBe(60);
  });

  it('falls back to the discipline alone when no single step helps', () => {
    const r = index.search(parseLookupQuery('bekkenfysio Zuid op dinsdag'), { today: TODAY });
    expect(r.noResults!.suggestions.map((s) => [s.kind, s.total])).toEqual([['disciplineOnly', 61]]);
  });

  it('offers dropping the weekday and including intake stops', () => {
    const byDay = index.search(parseLookupQuery('fysio Zuid op vrijdag'), { today: TODAY });
    expect(byDay.noResults!.suggestions.map((s) => s.kind)).toContain('dropWeekday');
    const stop = index.search(parseLookupQuery('logo Zuid zonder opnamestop'), { today: TODAY });
    expect(stop.noResults!.suggestions.map((s) => [s.kind, s.total])).toContainEqual(['includeIntakeStop', 1]);
  });

  it('asks to rephrase when nothing helps', () => {
    const r = index.search(parseLookupQuery('xyzzy'), { today: TODAY });
    expect(r.noResults!.suggestions).toEqual([expect.objectContaining({ kind: 'rephrase', total: 0 })]);
  });
});

describe('SocialMapIndex.suggest', () => {
  const index = new SocialMapIndex([
    partner({ name: 'Anna Bekker', organisation: 'Fysio Dapper' }),
    partner({ name: 'Bert Fysman', organisation: null, discipline: 'logopedie' }),
    partner({ name: 'Carla', expertise: ['schisis'], discipline: 'logopedie' }),
  ]);

  it('completes disciplines, expertise and wijken, then partner names', () => {
    const s = index.suggest('fys', 10);
    expect(s[0]).toEqual({ kind: 'discipline', label: 'Fysiotherapie', completion: 'fysio' });
    expect(s.filter((x) => x.kind === 'partner').map((x) => x.label)).toEqual(['Anna Bekker — Fysio Dapper', 'Bert Fysman']);
  });

  it('completes the last word in context, including multi-word names and local tags', () => {
    expect(index.suggest('logo bos en l', 5)).toEqual([{ kind: 'wijk', label: 'Bos en Lommer', completion: 'logo bos en lommer' }]);
    // Wijk aliases come before expertise: "schi" also starts Schinkelbuurt (part of Zuid).
    expect(index.suggest('logo schi', 5)).toEqual([
      { kind: 'wijk', label: 'Zuid', completion: 'logo schinkelbuurt' },
      { kind: 'expertise', label: 'schisis', completion: 'logo schisis' },
    ]);
    expect(index.suggest('fysio bekk', 3).map((x) => x.label)).toEqual(['Bekkenfysiotherapie', 'Bekkenoefentherapie', 'bekken']);
  });

  it('stays quiet for one letter or a trailing space, and respects the limit', () => {
    expect(index.suggest('f', 10)).toEqual([]);
    expect(index.suggest('fys ', 10)).toEqual([]);
    expect(index.suggest('fys', 1)).toHaveLength(1);
  });
});

describe('SocialMapIndex: the compact store', () => {
  it('gives every partner back exactly as it went in', () => {
    const partners = generatePartners(300, 11, { today: TODAY });
    const index = new SocialMapIndex(partners);
    for (const p of partners) expect(index.get(p.id)).toEqual(p);
    expect([...index.partners()].length).toBe(300);
  });

  it('answers after thousands of changes exactly as an index built from scratch on the final map', () => {
    const start = generatePartners(400, 12, { today: TODAY });
    const pool = generatePartners(400, 13, { today: TODAY });
    const index = new SocialMapIndex(start);
    const current = new Map(start.map((p) => [p.id, p]));
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 4_000; i++) {
      const ids = [...current.keys()];
      const id = ids[Math.floor(rnd() * ids.length)]!;
      const donor = pool[Math.floor(rnd() * pool.length)]!;
      if (rnd() < 0.1) {
        index.remove(id);
        current.delete(id);
        const back = { ...donor, id: `again-${i}` };
        index.upsert(back);
        current.set(back.id, back);
      } else {
        // another partner's name, discipline, tags, area and days under this id
        const next = { ...donor, id };
        index.upsert(next);
        current.set(id, next);
      }
    }
    const fresh = new SocialMapIndex([...current.values()]);
    expect(index.size).toBe(fresh.size);
    for (const text of ['fysio', 'fysio bekkenbodem oost', 'jansen', 'logo kinderen noord', 'dietist diabetes', 'oost', '1092', 'op dinsdag', 'praktijk dapper', 'sportfysio zuid', 'podotherapie zaterdag zonder opnamestop']) {
      const q = parseLookupQuery(text, { expertiseVocabulary: fresh.expertiseVocabulary(), knownWord: (w) => fresh.hasWord(w) });
      const a = index.search(q, { today: TODAY, limit: 50 });
      const b = fresh.search(q, { today: TODAY, limit: 50 });
      expect([text, a.total, a.results.map((h) => h.partner.id)]).toEqual([text, b.total, b.results.map((h) => h.partner.id)]);
    }
    expect([...index.expertiseVocabulary()].sort()).toEqual([...fresh.expertiseVocabulary()].sort());
  });
});

describe('SocialMapIndex.search: a query that asks nothing', () => {
  // every partner is an answer with score 0: no intake stop today first, then the shorter waiting time
  // (unknown last), then the more recently checked day, then the name and the id
  const day = (p: Partner) => (p.lastCheckedAt ? Math.floor(p.lastCheckedAt.getTime() / 86_400_000) : -1);
  const stopped = (p: Partner, today: string) => p.intakeStop.active && (p.intakeStop.until === null || p.intakeStop.until >= today);
  const wait = (p: Partner) => (p.waitWeeks === null ? 127 : Math.min(126, p.waitWeeks));
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const byHand = (partners: Partner[], today: string) =>
    [...partners].sort((a, b) =>
      Number(stopped(a, today)) - Number(stopped(b, today)) || wait(a) - wait(b) || day(b) - day(a)
      || (fold(a.name) < fold(b.name) ? -1 : fold(a.name) > fold(b.name) ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ask = (index: SocialMapIndex, today: string, offset: number, limit: number) =>
    index.search(parseLookupQuery('praktijk', { expertiseVocabulary: index.expertiseVocabulary() }), { today, offset, limit });

  it('lists every partner in the order of the ranking, on every page, with intake stops of that day', () => {
    // 1,040 partners: the last page (offset 1,000, the deepest allowed) holds those with an intake stop
    const partners = generatePartners(1_040, 11, { today: TODAY });
    const index = new SocialMapIndex(partners);
    for (const today of [TODAY, '2027-03-01']) {
      const expected = byHand(partners, today).map((p) => p.id);
      expect(partners.filter((p) => stopped(p, today)).length).toBeGreaterThan(0);
      for (const [offset, limit] of [[0, 5], [5, 5], [990, 10], [1_000, 50]] as const) {
        const r = ask(index, today, offset, limit);
        expect(r.total).toBe(1_040);
        expect(r.results.map((h) => h.partner.id)).toEqual(expected.slice(offset, offset + limit));
        expect(r.results.map((h) => h.intakeStopActive)).toEqual(r.results.map((h) => stopped(h.partner, today)));
      }
    }
  });

  it('follows changes to the map', () => {
    const partners = generatePartners(500, 12, { today: TODAY });
    const index = new SocialMapIndex(partners);
    expect(ask(index, TODAY, 0, 5).results.map((h) => h.partner.id)).toEqual(byHand(partners, TODAY).slice(0, 5).map((p) => p.id));
    const last = byHand(partners, TODAY).at(-1)!;
    const now = { ...last, intakeStop: { active: false, until: null, note: null }, waitWeeks: 0, lastCheckedAt: new Date(`${TODAY}T10:00:00Z`), name: 'Aaa eerst' };
    index.upsert(now);
    const first = byHand([...partners.filter((p) => p.id !== last.id), now], TODAY)[0]!;
    expect(ask(index, TODAY, 0, 1).results[0]!.partner.id).toBe(first.id);
    index.remove(first.id);
    const rest = byHand([...partners.filter((p) => p.id !== last.id && p.id !== first.id), ...(first.id === now.id ? [] : [now])], TODAY);
    expect(ask(index, TODAY, 0, 3)).toMatchObject({ total: 499 });
    expect(ask(index, TODAY, 0, 3).results.map((h) => h.partner.id)).toEqual(rest.slice(0, 3).map((p) => p.id));
  });
});
