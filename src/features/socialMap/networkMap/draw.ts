/**
 * The netwerkkaart's shapes: the hub (the wijkgroep), a box per discipline with one entry per partner,
 * the spokes between them, the header with the date it was made, the legend. Every text is measured with
 * the bundled font (graphics/fonts.ts) and placed here; names that do not fit one line wrap onto a second,
 * everything else is cut with an ellipsis (the full name stays in the entry's title).
 */
import { fitText, measureText } from '../../../graphics/fonts';
import type { FontWeight, Scene, Shape } from '../../../graphics/scene';
import { t } from '../../../i18n';
import type { Locale } from '../../groups/types';
import { channelLabel } from '../channels';
import { DISCIPLINES, disciplineLabel } from '../disciplines';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from '../types';
import type { NetworkMapCluster, NetworkMapEntry, NetworkMapModel } from './model';
import { A4_LANDSCAPE, gridOf, MARGIN, metricsOf, type Density, type Metrics, type Placed } from './page';

const INK = '#111827';
const MUTED = '#475569';
const FAINT = '#cbd5e1';
const STOP_RED = '#dc2626';
const STALE_AMBER = '#f59e0b';
const STALE_TEXT = '#b45309';
const HUB = '#134e4a';
/** Colour per top-level discipline (by its place in the list, so Fysiotherapie is the same blue on every map). No red or amber: those mean stop and stale. */
const PALETTE = ['#2563eb', '#0d9488', '#7c3aed', '#15803d', '#0369a1', '#4f46e5', '#a21caf', '#475569', '#0e7490', '#4d7c0f', '#6d28d9', '#1d4ed8', '#047857', '#86198f'];
const ROOT_INDEX = new Map(DISCIPLINES.filter((d) => d.parent === null).map((d, i) => [d.code, i]));

function colourOf(discipline: string): string {
  let i = ROOT_INDEX.get(discipline);
  if (i === undefined) i = [...discipline].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return PALETTE[i % PALETTE.length]!;
}

function text(x: number, y: number, value: string, size: number, weight: FontWeight, fill: string, anchor: 'start' | 'middle' | 'end' = 'start'): Shape {
  return { kind: 'text', x, y, text: value, size, weight, fill, anchor };
}

function longDate(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(at);
}

function shortDay(ymd: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`)).replace('.', '');
}

function stopIcon(cx: number, cy: number, d: number, title: string): Shape {
  return {
    kind: 'group', role: 'intake-stop', title,
    children: [
      { kind: 'circle', cx, cy, r: d / 2, fill: STOP_RED },
      { kind: 'rect', x: cx - d * 0.3, y: cy - d * 0.09, w: d * 0.6, h: d * 0.18, fill: '#ffffff' },
    ],
  };
}

function staleIcon(cx: number, cy: number, d: number, title: string): Shape {
  return {
    kind: 'group', role: 'stale', title,
    children: [{ kind: 'circle', cx, cy, r: d / 2, fill: STALE_AMBER }, text(cx, cy + d * 0.3, '?', d * 0.82, 'bold', '#ffffff', 'middle')],
  };
}

function contactCode(c: CommunicationChannel, locale: Locale): string {
  return t(locale, `networkMap.contact.${c}`);
}

function stopText(e: NetworkMapEntry, locale: Locale): string {
  return e.intakeStop?.until ? t(locale, 'networkMap.intakeStopUntil', { until: shortDay(e.intakeStop.until, locale) }) : t(locale, 'networkMap.intakeStop');
}

function staleText(e: NetworkMapEntry, locale: Locale): string {
  return e.lastChecked ? t(locale, 'networkMap.checkedOn', { date: shortDay(e.lastChecked, locale) }) : t(locale, 'networkMap.neverChecked');
}

/** Where an entry's name goes and how it breaks: one line, or two when it does not fit one. */
interface EntryText {
  nameX: number;
  /** right edge for the name: before the contact code */
  nameRight: number;
  contact: string | null;
  lines: string[];
}

/** The longest start of `words` that fits `width`, and the rest. */
function breakAt(name: string, width: number, size: number): [string, string] {
  const words = name.split(' ');
  for (let k = words.length - 1; k > 0; k--) {
    const head = words.slice(0, k).join(' ');
    if (measureText(head, size, 'bold') <= width) return [head, words.slice(k).join(' ')];
  }
  // one long word: break inside it
  const chars = [...name];
  let n = chars.length - 1;
  while (n > 1 && measureText(chars.slice(0, n).join(''), size, 'bold') > width) n--;
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

function entryText(e: NetworkMapEntry, x: number, w: number, m: Metrics, locale: Locale): EntryText {
  const { f, pad } = m;
  const nameX = x + pad + m.icon + f * 0.4;
  const right = x + w - pad;
  const contact = e.contact ? contactCode(e.contact, locale) : null;
  const nameRight = contact ? right - measureText(contact, f * 0.78, 'semibold') - f * 0.5 : right;
  const width = nameRight - nameX;
  if (measureText(e.name, f, 'bold') <= width) return { nameX, nameRight, contact, lines: [e.name] };
  const [head, rest] = breakAt(e.name, width, f);
  // the second line runs to the box edge (the contact code sits on the first)
  return { nameX, nameRight, contact, lines: [head, fitText(rest, right - nameX, f, 'bold')] };
}

/** Height of each entry of each cluster at a density: a line per name line, plus the detail line. */
export function entryHeights(model: NetworkMapModel, d: Density, locale: Locale): number[][] {
  const m = metricsOf(d);
  const { colW } = gridOf(d);
  return model.clusters.map((c) => c.entries.map((e) => entryText(e, 0, colW, m, locale).lines.length * m.line1 + m.detailH));
}

function drawEntry(e: NetworkMapEntry, cluster: NetworkMapCluster, x: number, top: number, w: number, m: Metrics, d: Density, colour: string, locale: Locale): Shape {
  const { f } = m;
  const layout = entryText(e, x, w, m, locale);
  const b1 = top + f * 1.08;
  const icon = m.icon;
  const ix = x + m.pad + icon / 2;
  const iconY = b1 - f * 0.36;
  const children: Shape[] = [];
  if (e.intakeStop) children.push(stopIcon(ix, iconY, icon, stopText(e, locale)));
  // both: the stop sign matters most; the stale sign sits on its shoulder, smaller
  if (e.stale) children.push(e.intakeStop ? staleIcon(ix + icon * 0.45, iconY - icon * 0.42, icon * 0.6, staleText(e, locale)) : staleIcon(ix, iconY, icon, staleText(e, locale)));
  if (!e.intakeStop && !e.stale) children.push({ kind: 'circle', cx: ix, cy: iconY, r: f * 0.17, fill: colour });
  if (layout.contact) children.push(text(x + w - m.pad, b1, layout.contact, f * 0.78, 'semibold', MUTED, 'end'));
  layout.lines.forEach((line, i) => children.push(text(layout.nameX, b1 + i * m.line1, line, f, 'bold', INK)));
  const lastBaseline = b1 + (layout.lines.length - 1) * m.line1;
  const lastRight = layout.lines.length > 1 ? x + w - m.pad : layout.nameRight;
  const subLabel = e.discipline !== cluster.discipline ? disciplineLabel(e.discipline, locale) : null;
  if (!d.twoLine) {
    // one line: specialisation and organisation after the name, as far as they fit
    const after = layout.nameX + measureText(layout.lines[layout.lines.length - 1]!, f, 'bold') + f * 0.4;
    const rest = [subLabel, e.organisation].filter(Boolean).join(' · ');
    if (rest && lastRight - after > f * 2.5) {
      const fitted = fitText(rest, lastRight - after, f * 0.9, 'regular');
      if (fitted) children.push(text(after, lastBaseline, fitted, f * 0.9, 'regular', MUTED));
    }
  } else {
    const b2 = lastBaseline + f * 1.18;
    const size = f * 0.88;
    const runs: { value: string; fill: string; weight: FontWeight }[] = [];
    // what needs acting on first (stop, stale), then what tells partners apart, then how to call
    if (e.intakeStop) runs.push({ value: stopText(e, locale), fill: STOP_RED, weight: 'semibold' });
    if (e.stale) runs.push({ value: staleText(e, locale), fill: STALE_TEXT, weight: 'regular' });
    if (subLabel) runs.push({ value: subLabel, fill: MUTED, weight: 'regular' });
    if (e.organisation) runs.push({ value: e.organisation, fill: MUTED, weight: 'regular' });
    if (e.phone) runs.push({ value: e.phone, fill: MUTED, weight: 'regular' });
    const right = x + w - m.pad;
    let rx = layout.nameX;
    for (const [i, run] of runs.entries()) {
      const value = (i > 0 ? ' · ' : '') + run.value;
      const fitted = fitText(value, right - rx, size, run.weight);
      if (fitted.replace(/[·…\s]/g, '') === '') break;
      children.push(text(rx, b2, fitted, size, run.weight, run.fill));
      if (fitted !== value) break;
      rx += measureText(fitted, size, run.weight);
    }
  }
  const data: Record<string, string> = { id: e.id, stop: e.intakeStop ? 'ja' : 'nee', stale: e.stale ? 'ja' : 'nee' };
  if (e.contact) data.contact = e.contact;
  return { kind: 'group', role: 'partner', data, title: e.organisation ? `${e.name} — ${e.organisation}` : e.name, children };
}

function drawPiece(p: Placed, model: NetworkMapModel, heights: number[][], w: number, m: Metrics, d: Density, locale: Locale): Shape {
  const cluster = model.clusters[p.cluster]!;
  const colour = colourOf(cluster.discipline);
  const { f, pad, headerH } = m;
  const children: Shape[] = [
    { kind: 'rect', x: p.x, y: p.y, w, h: p.h, radius: 4, fill: '#ffffff', stroke: colour, strokeWidth: 0.8 },
    { kind: 'rect', x: p.x, y: p.y, w, h: headerH, radius: 4, fill: colour },
    { kind: 'rect', x: p.x, y: p.y + headerH / 2, w, h: headerH / 2, fill: colour },
  ];
  const label = disciplineLabel(cluster.discipline, locale);
  const count = p.continued ? `(${t(locale, 'networkMap.continued')})` : String(cluster.entries.length);
  const headSize = f * 1.02;
  const countW = measureText(count, headSize * 0.92, 'regular');
  children.push(text(p.x + w - pad, p.y + headerH * 0.66, count, headSize * 0.92, 'regular', '#ffffff', 'end'));
  children.push(text(p.x + pad, p.y + headerH * 0.66, fitText(label, w - 2 * pad - countW - f * 0.6, headSize, 'semibold'), headSize, 'semibold', '#ffffff'));
  let y = p.y + headerH + m.padTop;
  for (let i = p.from; i < p.to; i++) {
    children.push(drawEntry(cluster.entries[i]!, cluster, p.x, y, w, m, d, colour, locale));
    y += heights[p.cluster]![i]!;
  }
  if (p.hidden > 0) children.push(text(p.x + pad, y + f * 1.05, t(locale, 'networkMap.more', { count: p.hidden }), f * 0.85, 'regular', MUTED));
  return { kind: 'group', role: 'cluster', data: { discipline: cluster.discipline }, children };
}

function drawHub(model: NetworkMapModel, cx: number, cy: number, r: number, locale: Locale): Shape {
  const kind = t(locale, model.subject.kind === 'group' ? 'networkMap.hub.group' : 'networkMap.hub.wijk');
  const count = model.total === 1 ? t(locale, 'networkMap.hub.partnersOne') : t(locale, 'networkMap.hub.partners', { count: model.total });
  let nameSize = r * 0.34;
  const maxW = r * 1.7;
  const nameW = measureText(model.subject.name, nameSize, 'bold');
  if (nameW > maxW) nameSize = Math.max(7, (nameSize * maxW) / nameW);
  return {
    kind: 'group', role: 'hub',
    children: [
      { kind: 'circle', cx, cy, r: r + 9, fill: '#99f6e4', opacity: 0.45 },
      { kind: 'circle', cx, cy, r, fill: HUB },
      text(cx, cy - r * 0.24, fitText(kind, maxW, r * 0.15, 'regular'), r * 0.15, 'regular', '#ccfbf1', 'middle'),
      text(cx, cy + r * 0.12, fitText(model.subject.name, maxW, nameSize, 'bold'), nameSize, 'bold', '#ffffff', 'middle'),
      text(cx, cy + r * 0.44, fitText(count, maxW, r * 0.14, 'regular'), r * 0.14, 'regular', '#ccfbf1', 'middle'),
    ],
  };
}

function nearestPoint(px: number, py: number, x: number, y: number, w: number, h: number): [number, number] {
  return [Math.min(Math.max(px, x), x + w), Math.min(Math.max(py, y), y + h)];
}

function drawHeader(model: NetworkMapModel, locale: Locale, hidden: number): Shape[] {
  const W = A4_LANDSCAPE.width;
  const made = t(locale, 'networkMap.madeOn', { date: longDate(model.madeAt, locale) });
  const counts = t(locale, 'networkMap.counts', { total: model.total, stops: model.intakeStops, stale: model.stale }) + (hidden ? ` · ${t(locale, 'networkMap.more', { count: hidden })}` : '');
  const rightW = Math.max(measureText(made, 9.5, 'semibold'), measureText(counts, 8.5, 'regular'));
  const leftW = W - 2 * MARGIN - rightW - 24;
  const subtitle = t(locale, model.subject.kind === 'group' ? 'networkMap.subtitle.group' : 'networkMap.subtitle.wijk', { name: model.subject.name });
  return [
    text(MARGIN, MARGIN + 17, fitText(t(locale, 'networkMap.title', { name: model.subject.name }), leftW, 20, 'bold'), 20, 'bold', '#0f172a'),
    text(MARGIN, MARGIN + 33, fitText(subtitle, leftW, 9.5, 'regular'), 9.5, 'regular', MUTED),
    { kind: 'group', role: 'made-on', data: { date: model.madeOn }, children: [text(W - MARGIN, MARGIN + 15, made, 9.5, 'semibold', '#0f172a', 'end')] },
    text(W - MARGIN, MARGIN + 30, counts, 8.5, 'regular', MUTED, 'end'),
    { kind: 'line', x1: MARGIN, y1: MARGIN + 42, x2: W - MARGIN, y2: MARGIN + 42, stroke: FAINT, strokeWidth: 0.8 },
  ];
}

function drawLegend(model: NetworkMapModel, locale: Locale): Shape[] {
  const W = A4_LANDSCAPE.width;
  const H = A4_LANDSCAPE.height;
  const y = H - MARGIN - 4;
  const size = 7.5;
  const icon = 8;
  const out: Shape[] = [{ kind: 'line', x1: MARGIN, y1: H - MARGIN - 16, x2: W - MARGIN, y2: H - MARGIN - 16, stroke: FAINT, strokeWidth: 0.8 }];
  const source = t(locale, 'networkMap.legend.source');
  const sourceW = measureText(source, size, 'regular');
  out.push(text(W - MARGIN, y, source, size, 'regular', MUTED, 'end'));
  let x = MARGIN;
  const add = (value: string, weight: FontWeight = 'regular', fill = MUTED) => {
    const fitted = fitText(value, W - MARGIN - sourceW - 16 - x, size, weight);
    if (fitted) out.push(text(x, y, fitted, size, weight, fill));
    x += measureText(fitted, size, weight) + 10;
  };
  out.push(stopIcon(x + icon / 2, y - 2.7, icon, t(locale, 'networkMap.legend.stop')));
  x += icon + 3;
  add(t(locale, 'networkMap.legend.stop'));
  out.push(staleIcon(x + icon / 2, y - 2.7, icon, t(locale, 'networkMap.legend.stale')));
  x += icon + 3;
  add(t(locale, 'networkMap.legend.stale'));
  const used = new Set(model.clusters.flatMap((c) => c.entries.map((e) => e.contact)).filter((c): c is CommunicationChannel => c !== null));
  const codes = COMMUNICATION_CHANNELS.filter((c) => used.has(c));
  if (codes.length) {
    add(t(locale, 'networkMap.legend.contact'));
    x -= 7;
    add(codes.map((c) => (contactCode(c, locale) === channelLabel(c, locale) ? contactCode(c, locale) : `${contactCode(c, locale)} ${channelLabel(c, locale)}`)).join(' · '));
  }
  return out;
}

/** The whole page: boxes where layout.ts placed them, entries as tall as `entryHeights` said. */
export function drawPage(model: NetworkMapModel, locale: Locale, d: Density, placed: Placed[], heights: number[][]): Scene {
  const m = metricsOf(d);
  const { colW, hubX, hubY } = gridOf(d);
  const shapes: Shape[] = [];
  // spokes first, so boxes and the hub lie on top of them
  for (const p of placed) {
    if (p.continued) continue;
    const [x, y] = nearestPoint(hubX, hubY, p.x, p.y, colW, p.h);
    shapes.push({ kind: 'line', x1: hubX, y1: hubY, x2: x, y2: y, stroke: colourOf(model.clusters[p.cluster]!.discipline), strokeWidth: 1.2, opacity: 0.45 });
  }
  shapes.push(drawHub(model, hubX, hubY, d.hubRadius, locale));
  for (const p of placed) shapes.push(drawPiece(p, model, heights, colW, m, d, locale));
  if (model.total === 0) shapes.push(text(hubX, hubY + d.hubRadius + 30, t(locale, 'networkMap.empty'), 10, 'regular', MUTED, 'middle'));
  const hidden = model.total - placed.reduce((n, p) => n + (p.to - p.from), 0);
  shapes.unshift(...drawHeader(model, locale, hidden));
  shapes.push(...drawLegend(model, locale));
  return {
    width: A4_LANDSCAPE.width,
    height: A4_LANDSCAPE.height,
    title: t(locale, 'networkMap.title', { name: model.subject.name }),
    description: t(locale, 'networkMap.description', { name: model.subject.name, total: model.total, clusters: model.clusters.length, stops: model.intakeStops, stale: model.stale }),
    background: '#ffffff',
    shapes,
  };
}
