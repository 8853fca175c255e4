/**
 * Splits a summary view into chunks that each fit in one Teams message.
 *
 * Pure helper: it never fails on content. An item too long for a message on its own is cut and marked
 * with TRUNCATION_MARKER; titles and headings are capped so an item always has room. Chunks are numbered
 * "(1/3)" in the title; a section that continues in the next chunk repeats its heading with "(vervolg)".
 *
 * Run the privacy guard on the whole summary before splitting: cutting can split a fragment in two.
 */

/**
 * A Teams bot message can be about 100 KB (docs/domain.md). We keep each chunk's view JSON under 80 KB,
 * leaving headroom for the Adaptive Card template around it and the activity envelope. A card layer with
 * a heavier template passes a smaller `budgetBytes`.
 */
export const TEAMS_MESSAGE_BUDGET_BYTES = 80_000;

/** Below this a budget cannot hold a title, a heading and a readable item: a programming error. */
export const MIN_BUDGET_BYTES = 1_000;

export const TRUNCATION_MARKER = '…';

export interface SummarySection {
  heading: string;
  items: string[];
}

export interface SummaryView {
  title: string;
  sections: SummarySection[];
}

export interface SummaryChunk extends SummaryView {
  /** 1-based position and count; the title already carries "(part/total)" when total > 1. */
  part: number;
  total: number;
}

export interface SplitOptions {
  /** Maximum UTF-8 size of JSON.stringify({ title, sections }) per chunk. */
  budgetBytes?: number;
  locale?: 'nl' | 'en';
}

const CONTINUED: Record<'nl' | 'en', string> = { nl: ' (vervolg)', en: ' (continued)' };

/** UTF-8 size of a value's JSON, the unit of the budget. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

// Exact JSON sizes, computed incrementally so splitting stays linear in the size of the summary:
//   {"title":T,"sections":[S1,S2]}  and  S = {"heading":H,"items":[I1,I2]}
const VIEW_OVERHEAD = jsonBytes({ title: '', sections: [] }) - jsonBytes(''); // 24
const SECTION_OVERHEAD = jsonBytes({ heading: '', items: [] }) - jsonBytes(''); // 22

export function splitForTeams(view: SummaryView, options: SplitOptions = {}): SummaryChunk[] {
  const budget = options.budgetBytes ?? TEAMS_MESSAGE_BUDGET_BYTES;
  if (!Number.isFinite(budget) || budget < MIN_BUDGET_BYTES) {
    throw new RangeError(`budgetBytes must be at least ${MIN_BUDGET_BYTES}, got ${budget}`);
  }
  const continued = CONTINUED[options.locale ?? 'nl'];

  // Titles get " (12/34)" afterwards; reserve room for up to four digits each (far beyond any summary).
  const reserve = jsonBytes(' (9999/9999)') - 2;
  const title = fitString(view.title, budget / 4 - VIEW_OVERHEAD - reserve);
  const titleBytes = VIEW_OVERHEAD + jsonBytes(title) + reserve;

  const chunks: SummarySection[][] = [];
  let current: SummarySection[] = [];
  let size = titleBytes;
  let currentHasItems = false;

  const closeChunk = (): void => {
    chunks.push(current);
    current = [];
    size = titleBytes;
    currentHasItems = false;
  };
  /** Adds an empty section, starting a new chunk first when it does not fit. */
  const openSection = (heading: string): void => {
    const bytes = SECTION_OVERHEAD + jsonBytes(heading) + (current.length > 0 ? 1 : 0);
    if (size + bytes > budget && current.length > 0) closeChunk();
    const first = current.length === 0;
    current.push({ heading, items: [] });
    size += SECTION_OVERHEAD + jsonBytes(heading) + (first ? 0 : 1);
  };

  for (const section of view.sections) {
    // Capped so that title + heading leave at least half the budget for one item.
    const heading = fitString(section.heading, budget / 4 - SECTION_OVERHEAD - continued.length * 3);
    openSection(heading);
    for (const raw of section.items) {
      let last = current[current.length - 1]!;
      let bytes = jsonBytes(raw) + (last.items.length > 0 ? 1 : 0);
      // Move on to a fresh chunk when this one holds anything besides this section's heading.
      if (size + bytes > budget && (currentHasItems || current.length > 1)) {
        // A heading whose first item does not fit moves along with it instead of being left empty behind.
        const moveHeading = last.items.length === 0;
        if (moveHeading) current.pop();
        closeChunk();
        openSection(moveHeading ? heading : heading + continued);
        last = current[current.length - 1]!;
        bytes = jsonBytes(raw);
      }
      let item = raw;
      if (size + bytes > budget) {
        // Alone in its chunk and still too long: cut it to what is left.
        item = truncate(raw, budget - size - (last.items.length > 0 ? 1 : 0));
        bytes = jsonBytes(item) + (last.items.length > 0 ? 1 : 0);
      }
      last.items.push(item);
      size += bytes;
      currentHasItems = true;
    }
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);

  const total = chunks.length;
  return chunks.map((sections, i) => ({
    title: total > 1 ? `${title} (${i + 1}/${total})` : title,
    sections,
    part: i + 1,
    total,
  }));
}

/** The string itself when its JSON fits in `maxBytes`, otherwise its longest prefix + marker that does. */
function fitString(s: string, maxBytes: number): string {
  return jsonBytes(s) <= maxBytes ? s : truncate(s, maxBytes);
}

/** Longest prefix (whole code points, trailing space trimmed) whose JSON with the marker fits in `maxBytes`. */
function truncate(s: string, maxBytes: number): string {
  const points = Array.from(s);
  const candidate = (n: number): string => `${points.slice(0, n).join('').trimEnd()}${TRUNCATION_MARKER}`;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (jsonBytes(candidate(mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return candidate(lo);
}
