/**
 * Figures for the netwerkkaart: the time to render a wijk of 200 partners (model + page layout + SVG, the
 * card's PNG, the A4 PDF) and the sizes of the files. The first render in a process also loads the font
 * files, so it is reported apart from the warm figures. Renders are cached by content in the bot; these
 * figures are for a cache miss (a changed map, or the first view of the day).
 *
 *   npx tsx scripts/bench/networkMap.ts      (standalone)
 *   benchNetworkMap()                        (from scripts/bench/index.ts)
 */
import { generatePartners } from '../../src/features/socialMap/demoData';
import { layoutNetworkMap } from '../../src/features/socialMap/networkMap/layout';
import { buildNetworkMap } from '../../src/features/socialMap/networkMap/model';
import { PNG_WIDTH_PX } from '../../src/features/socialMap/networkMap/renderer';
import { sceneToPdf } from '../../src/graphics/pdf';
import { pngSize, svgToPng } from '../../src/graphics/png';
import { sceneToSvg } from '../../src/graphics/svg';
import { line, round, summarize } from './stats';

const PARTNERS = 200;
const RUNS = 7;

async function timedMs<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}

export async function benchNetworkMap(): Promise<Record<string, unknown>> {
  const now = new Date('2026-12-03T09:00:00Z');
  // a wijk of 200 partners in ~20 disciplines, as the demo generator spreads them
  const partners = generatePartners(PARTNERS, 7, { today: '2026-12-03' }).map((p) => ({ ...p, wijken: ['oost'], postcodeAreas: [], postcode: null }));
  const subject = { kind: 'group' as const, name: 'Oost', wijken: ['oost'] };

  const once = async () => {
    const [layoutMs, { scene, svg, layout }] = await timedMs(() => {
      const layout = layoutNetworkMap(buildNetworkMap(partners, subject, now), 'nl');
      return { layout, scene: layout.scene, svg: sceneToSvg(layout.scene) };
    });
    const [pngMs, png] = await timedMs(() => svgToPng(svg, { width: PNG_WIDTH_PX }));
    const [pdfMs, pdf] = await timedMs(() => sceneToPdf(scene, { title: scene.title, createdAt: now }));
    return { layoutMs, pngMs, pdfMs, png, pdf, svg, layout };
  };

  const cold = await once();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const last = runs[runs.length - 1]!;
  const size = pngSize(last.png)!;
  return {
    [`partners drawn / left off ("+ N meer")`]: `${last.layout.shown} / ${last.layout.hidden} (density: ${last.layout.density.columns} columns, ${last.layout.density.font} pt, ${last.layout.density.twoLine ? 'two lines' : 'one line'} per partner)`,
    'first render in the process (fonts load): layout+SVG | PNG | PDF ms': `${round(cold.layoutMs, 0)} | ${round(cold.pngMs, 0)} | ${round(cold.pdfMs, 0)}`,
    'model + layout + SVG, 200 partners (ms)': summarize(runs.map((r) => r.layoutMs)),
    'PNG for the card, 200 partners (ms)': summarize(runs.map((r) => r.pngMs)),
    'A4 PDF, 200 partners (ms)': summarize(runs.map((r) => r.pdfMs)),
    'card picture render = layout + PNG, median ms': round(summarize(runs.map((r) => r.layoutMs + r.pngMs)).median, 0),
    'PNG size (px, KB)': `${size.width}×${size.height}, ${Math.round(last.png.length / 1024)} KB`,
    'PDF / SVG size (KB)': `${Math.round(last.pdf.length / 1024)} / ${Math.round(last.svg.length / 1024)}`,
  };
}

if (require.main === module) {
  benchNetworkMap().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) line(k, v);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
