/**
 * Netwerkkaart model → one A4 landscape page as a Scene (src/graphics), for the Teams picture (PNG) and the
 * printout (PDF) alike. This file decides what goes where; page.ts has the geometry, draw.ts the shapes.
 *
 * The look: the wijkgroep as a hub in the middle, a coloured box per discipline around it (a spoke from
 * the hub to each), one line per partner with an intake-stop sign (red, "no entry") or a stale sign
 * (amber "?") in front of the name and the preferred way of contact at the end; a header with the date it
 * was made and the counts, a legend at the foot.
 *
 * How it scales: the boxes fill slots around the hub (the outer columns full height, the middle columns
 * above and below it). The roomiest density that fits is chosen, from two lines per partner
 * (specialisation, organisation, phone, stop date) at 8.5 pt down to one line at 6.3 pt in six columns.
 * Boxes stay whole where they can; a discipline too long for any slot continues in the next one
 * ("vervolg"). Only when even the densest page is full are the longest disciplines cut, each with a
 * "+ N meer" line, so the page never overflows. 200 partners in ~20 disciplines fit in full.
 */
import type { Scene } from '../../../graphics/scene';
import type { Locale } from '../../groups/types';
import { drawPage, entryHeights } from './draw';
import type { NetworkMapModel } from './model';
import { DENSITIES, gridOf, metricsOf, type Density, type Metrics, type Piece, type Placed, type Slot } from './page';

export { A4_LANDSCAPE, DENSITIES, type Density } from './page';

export interface NetworkMapLayout {
  scene: Scene;
  density: Density;
  /** partners drawn, and partners left off for lack of room ("+ N meer") */
  shown: number;
  hidden: number;
}

/** Sizes at one density: the metrics and each entry's height (a long name takes two lines). */
interface Sizing {
  d: Density;
  m: Metrics;
  slots: Slot[];
  heights: number[][];
  /** prefix sums of `heights`, per cluster */
  sums: number[][];
}

function sizingOf(model: NetworkMapModel, d: Density, locale: Locale): Sizing {
  const heights = entryHeights(model, d, locale);
  const sums = heights.map((hs) => hs.reduce((acc, h) => (acc.push(acc[acc.length - 1]! + h), acc), [0]));
  return { d, m: metricsOf(d), slots: gridOf(d).slots, heights, sums };
}

function pieceHeight(p: Piece, z: Sizing): number {
  const { m } = z;
  return m.headerH + m.padTop + z.sums[p.cluster]![p.to]! - z.sums[p.cluster]![p.from]! + (p.hidden > 0 ? m.line1 : 0) + m.padBottom;
}

function capacities(z: Sizing): number[] {
  return z.slots.map((s) => s.bottom - s.top + z.m.gap);
}

/** Stacks pieces in a slot, leaning towards the hub. */
function stackInSlot(slot: Slot, pieces: Piece[], z: Sizing, out: Placed[]): void {
  const heights = pieces.map((p) => pieceHeight(p, z));
  const height = heights.reduce((a, h) => a + h, 0) + Math.max(0, pieces.length - 1) * z.m.gap;
  let y = slot.align === 'top' ? slot.top : slot.align === 'bottom' ? slot.bottom - height : slot.top + (slot.bottom - slot.top - height) / 2;
  pieces.forEach((piece, i) => {
    out.push({ ...piece, x: slot.x, y, h: heights[i]! });
    y += heights[i]! + z.m.gap;
  });
}

function wholePieces(shown: number[], total: number[]): Piece[] {
  return shown.map((k, i) => ({ cluster: i, from: 0, to: k, continued: false, hidden: total[i]! - k }));
}

/**
 * Places whole clusters (the first `shown[i]` entries of each) in the slots, or null when they cannot all
 * fit unsplit. First in discipline order as one reads (dynamic programming: the sum of squared fill
 * ratios is smallest, so the boxes spread evenly round the hub; ties go to each cluster's proportional
 * place, so three clusters do not all sit on one side). When the order cannot be kept (a long discipline
 * late in the list that only a full-height column holds): biggest first into the roomiest slot, and
 * discipline order within each slot.
 */
function packWhole(shown: number[], total: number[], z: Sizing): Placed[] | null {
  const pieces = wholePieces(shown, total);
  const cost = pieces.map((p) => pieceHeight(p, z) + z.m.gap);
  const capacity = capacities(z);
  let perSlot: Piece[][];
  const ordered = partition(cost, capacity);
  if (ordered) perSlot = ordered.map(([a, b]) => pieces.slice(a, b));
  else {
    const room = [...capacity];
    perSlot = z.slots.map(() => []);
    for (const i of [...pieces.keys()].sort((a, b) => cost[b]! - cost[a]! || a - b)) {
      let s = -1;
      for (let k = 0; k < room.length; k++) if (room[k]! >= cost[i]! && (s < 0 || room[k]! > room[s]!)) s = k;
      if (s < 0) return null;
      room[s]! -= cost[i]!;
      perSlot[s]!.push(pieces[i]!);
    }
    for (const list of perSlot) list.sort((a, b) => a.cluster - b.cluster);
  }
  const placed: Placed[] = [];
  z.slots.forEach((slot, s) => stackInSlot(slot, perSlot[s]!, z, placed));
  return placed;
}

/** Ordered partition of `cost` into consecutive runs, one per capacity (runs may be empty); see packWhole. */
function partition(cost: number[], capacity: number[]): [number, number][] | null {
  const n = cost.length;
  const S = capacity.length;
  const prefix = [0];
  for (const c of cost) prefix.push(prefix[prefix.length - 1]! + c);
  // where each cluster would sit if the slots were filled evenly, in slot units
  const ideal = cost.map((c, i) => ((prefix[i]! + c / 2) / Math.max(prefix[n]!, 1)) * S - 0.5);
  const best: number[][] = Array.from({ length: S + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: S + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let s = 1; s <= S; s++) {
    for (let i = 0; i <= n; i++) {
      let deviation = 0;
      for (let j = i; j >= 0; j--) {
        if (j < i) deviation += (ideal[j]! - (s - 1)) ** 2;
        const used = prefix[i]! - prefix[j]!;
        if (used > capacity[s - 1]!) break;
        if (best[s - 1]![j] === Infinity) continue;
        const v = best[s - 1]![j]! + (used / capacity[s - 1]!) ** 2 + 0.01 * deviation;
        if (v < best[s]![i]!) {
          best[s]![i] = v;
          from[s]![i] = j;
        }
      }
    }
  }
  if (best[S]![n] === Infinity) return null;
  const bounds: [number, number][] = new Array(S);
  for (let s = S, i = n; s > 0; s--) {
    const j = from[s]![i]!;
    bounds[s - 1] = [j, i];
    i = j;
  }
  return bounds;
}

/**
 * For maps too big to keep every discipline in one box: fills the slots in reading order, each up to its
 * share of the total, splitting a discipline between two entries ("vervolg" in the next slot). Null when
 * it does not fit.
 */
function packSplit(shown: number[], total: number[], z: Sizing): Placed[] | null {
  const { m } = z;
  const capacity = capacities(z);
  const pieces = wholePieces(shown, total);
  const need = pieces.reduce((a, p) => a + pieceHeight(p, z) + m.gap, 0);
  const totalCap = capacity.reduce((a, b) => a + b, 0);
  for (let share = Math.min(1, need / totalCap + 0.02); ; share = Math.min(1, share + 0.04)) {
    const queue = [...pieces];
    const placed: Placed[] = [];
    z.slots.forEach((slot, s) => {
      const target = capacity[s]! * share;
      const stack: Piece[] = [];
      let used = 0;
      while (queue.length) {
        const piece = queue[0]!;
        const h = pieceHeight(piece, z) + m.gap;
        // a whole box may run past the target into the slot's real room when most of it is within the target
        if (used + h <= target || (used + h <= capacity[s]! && used + h / 2 <= target)) {
          stack.push(queue.shift()!);
          used += h;
          continue;
        }
        // how many entries fit under a header in what is left of the target
        const room = target - used - m.gap - m.headerH - m.padTop - m.padBottom;
        const sums = z.sums[piece.cluster]!;
        let to = piece.from;
        while (to < piece.to && sums[to + 1]! - sums[piece.from]! <= room) to++;
        if (to - piece.from >= (used === 0 ? 1 : 2) && to < piece.to) {
          stack.push({ ...piece, to, hidden: 0 });
          queue[0] = { ...piece, from: to, continued: true };
        }
        break;
      }
      stackInSlot(slot, stack, z, placed);
    });
    if (!queue.length) return placed;
    if (share >= 1) return null;
  }
}

function pack(shown: number[], total: number[], z: Sizing): Placed[] | null {
  return packWhole(shown, total, z) ?? packSplit(shown, total, z);
}

function result(model: NetworkMapModel, locale: Locale, z: Sizing, placed: Placed[]): NetworkMapLayout {
  const shown = placed.reduce((n, p) => n + (p.to - p.from), 0);
  return { scene: drawPage(model, locale, z.d, placed, z.heights), density: z.d, shown, hidden: model.total - shown };
}

/** Chooses the density and what is shown, then draws. */
export function layoutNetworkMap(model: NetworkMapModel, locale: Locale): NetworkMapLayout {
  const sizes = model.clusters.map((c) => c.entries.length);
  const sizings = new Map<number, Sizing>();
  const sizing = (i: number) => sizings.get(i) ?? sizings.set(i, sizingOf(model, DENSITIES[i]!, locale)).get(i)!;
  const wholes = new Map<number, Placed[] | null>();
  const whole = (i: number) => (wholes.has(i) ? wholes.get(i)! : wholes.set(i, packWhole(sizes, sizes, sizing(i))).get(i)!);
  for (let i = 0; i < DENSITIES.length; i++) {
    if (whole(i)) return result(model, locale, sizing(i), whole(i)!);
    // a discipline split over two boxes is fine, but not when one step smaller keeps every box whole
    const next = DENSITIES[i + 1];
    if (next && next.font >= DENSITIES[i]!.font - 1 && whole(i + 1)) return result(model, locale, sizing(i + 1), whole(i + 1)!);
    const split = packSplit(sizes, sizes, sizing(i));
    if (split) return result(model, locale, sizing(i), split);
  }
  // Even the densest layout is full: the longest disciplines are cut to the largest length that fits
  // (each with "+ N meer"), so small disciplines stay whole.
  const z = sizing(DENSITIES.length - 1);
  let best: Placed[] | null = null;
  for (let lo = 1, hi = Math.max(...sizes); lo <= hi; ) {
    const cap = Math.floor((lo + hi) / 2);
    const placed = pack(sizes.map((n) => Math.min(n, cap)), sizes, z);
    if (placed) [best, lo] = [placed, cap + 1];
    else hi = cap - 1;
  }
  // hundreds of disciplines with one line each still do not fit: the last ones go (counted in the header)
  for (let clusters = sizes.length - 1; !best && clusters > 0; clusters--) {
    best = packWhole(sizes.slice(0, clusters).map(() => 1), sizes.slice(0, clusters), z);
  }
  return result(model, locale, z, best ?? []);
}
