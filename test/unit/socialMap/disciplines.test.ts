import {
  DISCIPLINES,
  disciplineAncestors,
  disciplineChildren,
  getDiscipline,
  normaliseDiscipline,
  resolveDiscipline,
  suggestDiscipline,
} from '../../../src/features/socialMap/disciplines';

describe('resolveDiscipline', () => {
  it.each([
    ['fysio', 'fysiotherapie'],
    ['Fysiotherapeut', 'fysiotherapie'],
    ['POH GGZ', 'poh-ggz'],
    ['POH-GGZ', 'poh-ggz'],
    ['pohggz', 'poh-ggz'],
    ['SO', 'specialist-ouderengeneeskunde'],
    ['WV', 'wijkverpleging'],
    ['wijkverpleging', 'wijkverpleging'],
    ['MW', 'maatschappelijk-werk'],
    ['diëtist', 'dietetiek'],
    ['dietist', 'dietetiek'],
    ['Diëtetiek', 'dietetiek'],
    ['logo', 'logopedie'],
    ['ergo', 'ergotherapie'],
    ['psych', 'psychologie'],
    ['bekkenfysiotherapie', 'bekkenfysiotherapie'],
    ['oedeemtherapeut', 'oedeemtherapie'],
    ['kinderfysio', 'kinderfysiotherapie'],
    ['GZ-psycholoog', 'gz-psycholoog'],
  ])('%s → %s (exact)', (word, code) => {
    expect(resolveDiscipline(word)).toEqual({ code, via: 'exact', distance: 0 });
  });

  it.each([
    ['fysiotherapuet', 'fysiotherapie'],
    ['fysiotherpie', 'fysiotherapie'],
    ['logopedsit', 'logopedie'],
    ['wijkverpleegkundge', 'wijkverpleging'],
  ])('tolerates the typo %s → %s', (word, code) => {
    const m = resolveDiscipline(word);
    expect(m).toMatchObject({ code, via: 'fuzzy' });
    expect(m!.distance).toBeGreaterThan(0);
  });

  it('gives short words no typo tolerance (so/mw/wv are one edit apart from many things)', () => {
    expect(resolveDiscipline('sp')).toBeNull();
    expect(resolveDiscipline('mx')).toBeNull();
    expect(resolveDiscipline('fysi')).toBeNull();
  });

  it('does not read unrelated words as disciplines', () => {
    for (const w of ['bekkenbodem', 'dementie', 'dinsdag', 'watergraafsmeer', 'jansen', 'oost', '']) {
      expect(resolveDiscipline(w)).toBeNull();
    }
  });
});

describe('suggestDiscipline', () => {
  it('offers the nearest discipline for "bedoelde u …?"', () => {
    expect(suggestDiscipline('fysoitherapie')).toBe('fysiotherapie');
    expect(suggestDiscipline('fisyo')).toBe('fysiotherapie');
    expect(suggestDiscipline('fysiotherapie (bekken)')).toBe('bekkenfysiotherapie');
  });

  it('returns null when nothing is close', () => {
    expect(suggestDiscipline('voedselbank')).toBeNull();
  });
});

describe('the controlled list', () => {
  it('has unique codes and valid parents, one level deep', () => {
    const codes = DISCIPLINES.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of DISCIPLINES) {
      if (d.parent) {
        expect(getDiscipline(d.parent)).toBeDefined();
        expect(getDiscipline(d.parent)!.parent).toBeNull();
      }
    }
  });

  it('models specialisations under their parent', () => {
    expect(disciplineAncestors('bekkenfysiotherapie')).toEqual(['bekkenfysiotherapie', 'fysiotherapie']);
    expect(disciplineChildren('fysiotherapie')).toEqual(
      expect.arrayContaining(['bekkenfysiotherapie', 'oedeemtherapie', 'kinderfysiotherapie', 'geriatriefysiotherapie', 'manuele-therapie']),
    );
  });

  it('covers every discipline named in domain.md', () => {
    for (const code of [
      'fysiotherapie', 'oefentherapie', 'logopedie', 'dietetiek', 'ergotherapie', 'poh-ggz', 'psychologie', 'basis-ggz',
      'gz-psycholoog', 'wijkverpleging', 'specialist-ouderengeneeskunde', 'apotheek', 'verloskunde', 'podotherapie',
      'maatschappelijk-werk', 'buurtteam', 'wmo-loket', 'ggd', 'casemanagement-dementie', 'hospice', 'palliatief-team',
    ]) {
      expect(getDiscipline(code)).toBeDefined();
    }
  });

  it('knows the care types of a real map beyond the first short list (Vektis COD016 and the social domain)', () => {
    for (const [word, code] of [
      ['huisartsenpost', 'huisartsenpost'], ['HAP', 'huisartsenpost'], ['jeugdarts', 'jeugdarts'], ['JGZ', 'jgz'], ['consultatiebureau', 'jgz'],
      ['thuisbegeleiding', 'thuisbegeleiding'], ['ziekenhuis', 'ziekenhuispoli'], ['polikliniek', 'ziekenhuispoli'], ['revalidatiecentrum', 'revalidatie'],
      ['audiologisch centrum', 'audiologie'], ['kraamzorg', 'kraamzorg'], ['tandarts', 'tandarts'], ['SPV', 'spv'], ['kinderpsycholoog', 'kinder-jeugdpsychologie'],
      ['verslavingszorg', 'verslavingszorg'], ['trombosedienst', 'trombosedienst'], ['schuldhulpverlening', 'schuldhulpverlening'], ['verpleeghuis', 'verpleeghuis'],
    ]) {
      expect([word, resolveDiscipline(word!)?.code]).toEqual([word, code]);
    }
  });

  it('gives every specialisation the words that name it on a parent-discipline partner', () => {
    for (const d of DISCIPLINES.filter((x) => x.parent)) expect([d.code, (d.namedBy ?? []).length > 0]).toEqual([d.code, true]);
  });

  it('keeps a label it does not know, and turns a label into the code once the list knows it', () => {
    expect(normaliseDiscipline('fysiotherapie')).toBe('fysiotherapie');
    expect(normaliseDiscipline('Huisartsenpost')).toBe('huisartsenpost');
    expect(normaliseDiscipline('Voedselbank')).toBe('Voedselbank');
  });

  it('never maps one name to two disciplines', () => {
    const seen = new Map<string, string>();
    for (const d of DISCIPLINES) {
      for (const s of d.synonyms) {
        const m = resolveDiscipline(s);
        expect(m?.code).toBe(d.code);
        seen.set(s, d.code);
      }
    }
  });
});
