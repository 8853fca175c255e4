/**
 * The netwerkkaart by rendering: the picture is drawn from the data, read back from the SVG (every
 * partner, the intake-stop and stale signs, the date), and the PNG and PDF are checked as files.
 */
import { generatePartners } from '../../../../src/features/socialMap/demoData';
import { dateToInstant } from '../../../../src/features/socialMap/formats';
import { A4_LANDSCAPE, DENSITIES, layoutNetworkMap } from '../../../../src/features/socialMap/networkMap/layout';
import { buildNetworkMap } from '../../../../src/features/socialMap/networkMap/model';
import { NetworkMapRenderer, PNG_WIDTH_PX } from '../../../../src/features/socialMap/networkMap/renderer';
import { textsOf, type Shape } from '../../../../src/graphics/scene';
import { pngSize, svgToPng } from '../../../../src/graphics/png';
import { sceneToSvg } from '../../../../src/graphics/svg';
import type { Partner } from '../../../../src/features/socialMap/types';
import { readSvg } from '../../../support/svgRead';
import { PNG } from 'pngjs';
import { partner } from '../fixtures';

const NOW = new Date('2026-12-03T09:00:00Z');
const OOST = { kind: 'group' as const, name: 'Oost', wijken: ['oost'] };
const recent = dateToInstant('2026-11-20');

function svgOf(partners: Partner[], locale: 'nl' | 'en' = 'nl', subject = OOST) {
  const layout = layoutNetworkMap(buildNetworkMap(partners, subject, NOW), locale);
  return { layout, svg: sceneToSvg(layout.scene), read: readSvg(sceneToSvg(layout.scene)) };
}

/** 200 generated partners, all serving Oost (the bench uses the same shape). */
const twoHundred = generatePartners(200, 7, { today: '2026-12-03' }).map((p) => ({ ...p, wijken: ['oost'], postcodeAreas: [], postcode: null }));

describe('what the picture shows (read back from the SVG)', () => {
  test('every partner of the wijk is on it by name, and nobody from another wijk', () => {
    const inOost = [
      partner({ name: 'Anna de Vries', organisation: 'Fysio Dapper', wijken: ['oost'], lastCheckedAt: recent }),
      partner({ name: 'Diëtistenpraktijk Oost', discipline: 'dietetiek', postcodeAreas: ['1093'], lastCheckedAt: recent }),
      partner({ name: 'Thuiszorg Oost', discipline: 'wijkverpleging', postcode: '1092 AA', lastCheckedAt: recent }),
    ];
    const other = partner({ name: 'Piet Jansen', discipline: 'poh-ggz', wijken: ['noord'] });
    const { read } = svgOf([...inOost, other]);
    expect(read.partners.map((p) => p.name).sort()).toEqual(inOost.map((p) => p.name).sort());
    expect(read.partners.map((p) => p.id).sort()).toEqual(inOost.map((p) => p.id).sort());
    expect(read.texts.join(' ')).not.toContain('Piet Jansen');
    expect(read.texts).toContain('Netwerkkaart Oost');
  }, 60_000);

  test('200 partners all fit on the page, each by its full name, at a printable size', () => {
    const { layout, read } = svgOf(twoHundred);
    expect(layout.hidden).toBe(0);
    expect(read.partners).toHaveLength(200);
    expect(new Set(read.partners.map((p) => p.id))).toEqual(new Set(twoHundred.map((p) => p.id)));
    for (const p of twoHundred) expect(read.partners.find((x) => x.id === p.id)!.name).toBe(p.name);
    expect(layout.density.font).toBeGreaterThanOrEqual(6);
  }, 60_000);

  test('a partner with an intake stop carries the stop sign; an ended stop or none does not', () => {
    const stop = partner({ name: 'Sanne Bakker', wijken: ['oost'], intakeStop: { active: true, until: '2027-01-31', note: null }, lastCheckedAt: recent });
    const ended = partner({ name: 'Was Vol', wijken: ['oost'], intakeStop: { active: true, until: '2026-11-30', note: null }, lastCheckedAt: recent });
    const open = partner({ name: 'Anna de Vries', wijken: ['oost'], lastCheckedAt: recent });
    const { read } = svgOf([stop, ended, open]);
    const sign = Object.fromEntries(read.partners.map((p) => [p.name, p.stopSign]));
    expect(sign).toEqual({ 'Sanne Bakker': true, 'Was Vol': false, 'Anna de Vries': false });
    // with room for two lines per partner the end date is spelled out too
    expect(read.partners.find((p) => p.name === 'Sanne Bakker')!.texts.join(' ')).toContain('opnamestop t/m 31 jan 2027');
  });

  test('an entry not checked for more than 90 days (or never) carries the stale sign', () => {
    const old = partner({ name: 'Oud', wijken: ['oost'], lastCheckedAt: dateToInstant('2026-08-01') });
    const never = partner({ name: 'Nooit', wijken: ['oost'] });
    const fresh = partner({ name: 'Vers', wijken: ['oost'], lastCheckedAt: recent });
    const { read } = svgOf([old, never, fresh]);
    expect(Object.fromEntries(read.partners.map((p) => [p.name, p.staleSign]))).toEqual({ Oud: true, Nooit: true, Vers: false });
  });

  test('in the densest layout (200 partners) the stop sign is still on exactly the partners with a stop', () => {
    const { layout, read } = svgOf(twoHundred);
    expect(layout.density.twoLine).toBe(false);
    const withStop = new Set(twoHundred.filter((p) => p.intakeStop.active && (p.intakeStop.until === null || p.intakeStop.until >= '2026-12-03')).map((p) => p.id));
    expect(withStop.size).toBeGreaterThan(0);
    expect(new Set(read.partners.filter((p) => p.stopSign).map((p) => p.id))).toEqual(withStop);
  }, 60_000);

  test('the contact preference is shown per partner, and the date it was made is on the page', () => {
    const p = partner({ name: 'Anna de Vries', wijken: ['oost'], communication: ['zorgdomein', 'telefoon'], lastCheckedAt: recent });
    const { read } = svgOf([p]);
    expect(read.partners[0]!.texts).toContain('ZD');
    expect(read.texts).toContain('Gemaakt op 3 december 2026');
    expect(read.madeOn).toBe('2026-12-03');
    expect(read.texts.join(' ')).toContain('ZD ZorgDomein');
  });

  test('English for locale en', () => {
    const p = partner({ name: 'Anna', wijken: ['oost'], intakeStop: { active: true, until: null, note: null }, lastCheckedAt: recent });
    const { read } = svgOf([p], 'en');
    expect(read.texts).toContain('Network map Oost');
    expect(read.texts).toContain('Made on 3 December 2026');
    expect(read.texts.join(' ')).toContain('intake stop');
  });

  test('names are text, never markup: a name with <, &, quotes and control characters reads back as typed', () => {
    const name = '<script>alert("x")</script> & Zoë \'t Hof\u0007';
    const { svg, read } = svgOf([partner({ name, organisation: ']]><g onload="x">', wijken: ['oost'], lastCheckedAt: recent })]);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<g onload');
    expect(read.partners[0]!.name).toBe(name.replace('\u0007', ''));
  });

  test('a wijk with more partners than fit says how many more, and nothing is drawn off the page', () => {
    const many = generatePartners(700, 11, { today: '2026-12-03' }).map((p) => ({ ...p, wijken: ['oost'], postcodeAreas: [], postcode: null }));
    const { layout, read } = svgOf(many);
    expect(layout.hidden).toBeGreaterThan(0);
    expect(read.partners.length + layout.hidden).toBe(700);
    const more = read.texts.map((t) => /^\+ (\d+) meer/.exec(t)).filter(Boolean).reduce((n, m) => n + Number(m![1]), 0);
    expect(more).toBe(layout.hidden);
    const boxes: Shape[] = [];
    const walk = (shapes: Shape[]) => shapes.forEach((s) => (s.kind === 'group' ? walk(s.children) : boxes.push(s)));
    walk(layout.scene.shapes);
    for (const s of boxes) {
      if (s.kind === 'rect') {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.y).toBeGreaterThanOrEqual(0);
        expect(s.x + s.w).toBeLessThanOrEqual(A4_LANDSCAPE.width);
        expect(s.y + s.h).toBeLessThanOrEqual(A4_LANDSCAPE.height);
      }
    }
    for (const t of textsOf(layout.scene.shapes)) expect(t.y).toBeLessThanOrEqual(A4_LANDSCAPE.height);
  }, 60_000);

  test('a small map uses the roomiest layout (two lines per partner), a big one the densest', () => {
    const { layout } = svgOf([partner({ name: 'A', wijken: ['oost'] }), partner({ name: 'B', discipline: 'logopedie', wijken: ['oost'] })]);
    expect(layout.density).toBe(DENSITIES[0]);
    expect(layout.density.twoLine).toBe(true);
    expect(svgOf(twoHundred).layout.density.font).toBeLessThan(DENSITIES[0]!.font);
  }, 60_000);

  test('a name too long for one line wraps onto a second instead of being cut', () => {
    const name = 'Stichting Thuiszorg Amsterdam Oost-Watergraafsmeer';
    const { read } = svgOf([partner({ name, wijken: ['oost'], communication: ['zorgdomein'], lastCheckedAt: recent })]);
    expect(read.partners[0]!.name).toBe(name);
  });
});

describe('the files', () => {
  const renderer = new NetworkMapRenderer({ partners: () => twoHundred, clock: () => NOW });

  test('the PNG for the card is a real PNG of the expected size, at most 1 MB, even with 200 partners', async () => {
    const file = await renderer.render(OOST, 'png', 'nl');
    expect(file.contentType).toBe('image/png');
    const size = pngSize(file.body);
    expect(size).toEqual({ width: PNG_WIDTH_PX, height: Math.round((PNG_WIDTH_PX * A4_LANDSCAPE.height) / A4_LANDSCAPE.width) });
    expect(file.body.length).toBeGreaterThan(50_000); // a page full of text, not an empty image
    expect(file.body.length).toBeLessThan(1_000_000);
    const decoded = PNG.sync.read(file.body); // decodes: not just a header
    expect([decoded.width, decoded.height]).toEqual([size!.width, size!.height]);
    expect(file.fileName).toBe('netwerkkaart-oost-2026-12-03.png');
  }, 60_000);

  test('the PDF is one A4 landscape page with the map’s title, the font embedded', async () => {
    const file = await renderer.render(OOST, 'pdf', 'nl');
    const text = file.body.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(text).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(text).toContain('(Netwerkkaart Oost)');
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-Bold/);
  }, 60_000);

  test('a render is reused while the map is unchanged, and made again when it changes', async () => {
    const partners = [partner({ name: 'Eén', wijken: ['oost'] })];
    const r = new NetworkMapRenderer({ partners: () => partners, clock: () => NOW });
    const a = await r.render(OOST, 'png', 'nl');
    const b = await r.render(OOST, 'png', 'nl');
    expect(b.body).toBe(a.body);
    partners.push(partner({ name: 'Twee', wijken: ['oost'] }));
    const c = await r.render(OOST, 'png', 'nl');
    expect(c.body).not.toBe(a.body);
    expect(c.body.equals(a.body)).toBe(false);
  }, 60_000);
});

describe('the bundled font', () => {
  /** a 200×60 rendering of one character: its pixels and how many are dark */
  async function glyph(ch: string): Promise<{ pixels: Buffer; ink: number }> {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="45" font-size="40" font-family="Inter">${ch}</text></svg>`;
    const png = PNG.sync.read(await svgToPng(svg, { width: 200 }));
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) ink++;
    return { pixels: png.data, ink };
  }

  test('draws the Dutch accents (ë, é, ï) as real letters, with no system fonts loaded', async () => {
    const [e, eDiaeresis, eAcute, i, iDiaeresis, missing] = await Promise.all(['e', 'ë', 'é', 'i', 'ï', '\uE000'].map(glyph));
    expect(e!.ink).toBeGreaterThan(50);
    // the accent adds ink on top of the base letter …
    expect(eDiaeresis!.ink).toBeGreaterThan(e!.ink + 10);
    expect(eAcute!.ink).toBeGreaterThan(e!.ink + 10);
    expect(iDiaeresis!.ink).toBeGreaterThan(i!.ink);
    // … and is not the box drawn for a character the font lacks (U+E000 is in no font)
    expect(missing!.ink).toBeGreaterThan(0);
    for (const g of [eDiaeresis!, eAcute!, iDiaeresis!]) expect(g.pixels.equals(missing!.pixels)).toBe(false);
    expect(eDiaeresis!.pixels.equals(eAcute!.pixels)).toBe(false);
  }, 30_000);
});
