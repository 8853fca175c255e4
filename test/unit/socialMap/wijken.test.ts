import { STADSDELEN, WIJKEN, getWijk, neighboursOf, resolveWijk, suggestWijk, wijkForPc4 } from '../../../src/features/socialMap/wijken';

describe('wijken', () => {
  it('has 13 wijkgroep-like neighbourhoods in 7 stadsdelen', () => {
    expect(WIJKEN).toHaveLength(13);
    expect(STADSDELEN).toHaveLength(7);
    for (const w of WIJKEN) expect(STADSDELEN.some((s) => s.code === w.stadsdeel)).toBe(true);
  });

  it('gives every PC4 exactly one wijk, all inside Amsterdam 1011–1109', () => {
    const seen = new Set<string>();
    for (const w of WIJKEN) {
      for (const p of w.pc4) {
        expect(seen.has(p)).toBe(false);
        seen.add(p);
        expect(Number(p)).toBeGreaterThanOrEqual(1011);
        expect(Number(p)).toBeLessThanOrEqual(1109);
      }
    }
  });

  it('maps postcodes to the expected wijk', () => {
    expect(wijkForPc4('1012')).toBe('centrum');
    expect(wijkForPc4('1092')).toBe('oost');
    expect(wijkForPc4('1097')).toBe('watergraafsmeer');
    expect(wijkForPc4('1087')).toBe('ijburg');
    expect(wijkForPc4('1102')).toBe('zuidoost');
    expect(wijkForPc4('1073')).toBe('de-pijp');
    expect(wijkForPc4('1034')).toBe('noord');
    expect(wijkForPc4('1066')).toBe('slotervaart');
    expect(wijkForPc4('9999')).toBeNull();
  });

  it('does not confuse Oost, Zuidoost and Oost-Watergraafsmeer', () => {
    expect(resolveWijk('Oost')).toEqual(['oost']);
    expect(resolveWijk('Zuidoost')).toEqual(['zuidoost']);
    expect(resolveWijk('Zuid-Oost')).toEqual(['zuidoost']);
    expect(resolveWijk('zuid oost')).toEqual(['zuidoost']);
    expect(resolveWijk('Oost-Watergraafsmeer')).toEqual(['oost', 'watergraafsmeer']);
    expect(resolveWijk('Amsterdam-Oost')).toEqual(['oost']);
  });

  it('knows neighbourhood names and spelling variants', () => {
    expect(resolveWijk('Bos en Lommer')).toEqual(['bos-en-lommer']);
    expect(resolveWijk('bosenlommer')).toEqual(['bos-en-lommer']);
    expect(resolveWijk('Nieuw West')).toEqual(['nieuw-west']);
    expect(resolveWijk('de pijp')).toEqual(['de-pijp']);
    expect(resolveWijk('Bijlmer')).toEqual(['zuidoost']);
    expect(resolveWijk('stadsdeel Oost')).toEqual(['oost', 'watergraafsmeer', 'ijburg']);
    expect(resolveWijk('Atlantis')).toBeNull();
  });

  it('suggests a wijk for a typo, but not for short words', () => {
    expect(suggestWijk('Watergraafsmer')).toEqual(['watergraafsmeer']);
    expect(suggestWijk('Zuidoos')).toEqual(['zuidoost']);
    expect(suggestWijk('oist')).toBeNull();
  });

  it('has symmetric neighbours that exist', () => {
    for (const w of WIJKEN) {
      expect(neighboursOf(w.code).length).toBeGreaterThan(0);
      for (const nb of neighboursOf(w.code)) {
        expect(getWijk(nb)).toBeDefined();
        expect(neighboursOf(nb)).toContain(w.code);
      }
    }
  });
});
