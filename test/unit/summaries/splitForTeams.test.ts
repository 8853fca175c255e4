import {
  MIN_BUDGET_BYTES,
  TEAMS_MESSAGE_BUDGET_BYTES,
  TRUNCATION_MARKER,
  jsonBytes,
  splitForTeams,
  type SummaryChunk,
  type SummaryView,
} from '../../../src/features/summaries/splitForTeams';

const viewBytes = (c: SummaryChunk): number => jsonBytes({ title: c.title, sections: c.sections });
/** Items in reading order, with the chunk headings stripped of "(vervolg)". */
const flatten = (chunks: SummaryChunk[]): Array<[string, string]> =>
  chunks.flatMap((c) => c.sections.flatMap((s) => s.items.map((i): [string, string] => [s.heading.replace(/ \(vervolg\)$/, ''), i])));
const original = (view: SummaryView): Array<[string, string]> =>
  view.sections.flatMap((s) => s.items.map((i): [string, string] => [s.heading, i]));

function bigView(sections: number, itemsPer: number, itemLength: number): SummaryView {
  return {
    title: 'Verslag FTO wijkgroep Oost — 8 december 2026',
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `${s + 1}. Onderwerp ${s + 1}`,
      items: Array.from({ length: itemsPer }, (_, i) => `Afspraak ${s + 1}.${i + 1}: ${'ë€x '.repeat(itemLength / 4)}`),
    })),
  };
}

describe('splitForTeams', () => {
  it('uses an 80 KB budget by default', () => {
    expect(TEAMS_MESSAGE_BUDGET_BYTES).toBe(80_000);
  });

  it('returns one unnumbered chunk when everything fits', () => {
    const view: SummaryView = { title: 'PaTz 14 januari', sections: [{ heading: 'Besluiten', items: ['Volgende keer om 17.00 uur.'] }] };
    expect(splitForTeams(view)).toEqual([{ ...view, part: 1, total: 1 }]);
  });

  it('returns one chunk for an empty summary and keeps empty sections', () => {
    expect(splitForTeams({ title: 'Leeg', sections: [] })).toEqual([{ title: 'Leeg', sections: [], part: 1, total: 1 }]);
    const withEmpty = { title: 'T', sections: [{ heading: 'Mededelingen', items: [] }] };
    expect(splitForTeams(withEmpty)[0]!.sections).toEqual([{ heading: 'Mededelingen', items: [] }]);
  });

  it('splits a long summary into numbered chunks under the budget, losing and reordering nothing', () => {
    const view = bigView(12, 40, 400); // ~12 × 40 × ~600 bytes ≈ 290 KB with multi-byte characters
    const chunks = splitForTeams(view);
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c, i) => {
      expect(viewBytes(c)).toBeLessThanOrEqual(TEAMS_MESSAGE_BUDGET_BYTES);
      expect(c.title).toBe(`${view.title} (${i + 1}/${chunks.length})`);
      expect([c.part, c.total]).toEqual([i + 1, chunks.length]);
    });
    expect(flatten(chunks)).toEqual(original(view));
    // Chunks are reasonably full: splitting does not waste messages.
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(jsonBytes(view) / (TEAMS_MESSAGE_BUDGET_BYTES * 0.9)));
  });

  it('repeats the heading of a section that continues, marked "(vervolg)" or "(continued)"', () => {
    const view = bigView(1, 20, 200);
    const nl = splitForTeams(view, { budgetBytes: 2_000 });
    expect(nl.length).toBeGreaterThan(1);
    expect(nl[0]!.sections[0]!.heading).toBe('1. Onderwerp 1');
    expect(nl[1]!.sections[0]!.heading).toBe('1. Onderwerp 1 (vervolg)');
    expect(splitForTeams(view, { budgetBytes: 2_000, locale: 'en' })[1]!.sections[0]!.heading).toBe('1. Onderwerp 1 (continued)');
  });

  it('moves a heading along with its first item instead of leaving it empty at the end of a chunk', () => {
    const view: SummaryView = {
      title: 'T',
      sections: [
        { heading: 'A', items: ['a'.repeat(1_500)] },
        { heading: 'B', items: ['b'.repeat(1_500)] },
      ],
    };
    const chunks = splitForTeams(view, { budgetBytes: 2_000 });
    expect(chunks.map((c) => c.sections.map((s) => s.heading))).toEqual([['A'], ['B']]);
  });

  it('truncates an item that cannot fit even alone, with the marker, and never fails', () => {
    const huge = 'Lange toelichting. '.repeat(10_000); // ~190 KB
    const view: SummaryView = { title: 'Verslag', sections: [{ heading: 'Toelichting', items: ['kort', huge, 'daarna'] }] };
    const chunks = splitForTeams(view);
    for (const c of chunks) expect(viewBytes(c)).toBeLessThanOrEqual(TEAMS_MESSAGE_BUDGET_BYTES);
    const items = flatten(chunks).map(([, i]) => i);
    expect(items).toHaveLength(3);
    expect(items[0]).toBe('kort');
    expect(items[2]).toBe('daarna');
    expect(items[1]!.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(huge.startsWith(items[1]!.slice(0, -1))).toBe(true);
    expect(items[1]!.length).toBeGreaterThan(TEAMS_MESSAGE_BUDGET_BYTES / 2); // cut to what fits, not to a stub
  });

  it('cuts on whole code points, so emoji and accents survive truncation', () => {
    const view: SummaryView = { title: 'T', sections: [{ heading: 'H', items: ['😀é'.repeat(5_000)] }] };
    const [chunk] = splitForTeams(view, { budgetBytes: MIN_BUDGET_BYTES });
    const item = chunk!.sections[0]!.items[0]!;
    expect(viewBytes(chunk!)).toBeLessThanOrEqual(MIN_BUDGET_BYTES);
    expect(item).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    expect(item.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('caps an absurd title and headings so items keep room', () => {
    const view: SummaryView = {
      title: 'T'.repeat(200_000),
      sections: [{ heading: 'H'.repeat(200_000), items: ['een afspraak', 'nog een afspraak'] }],
    };
    const chunks = splitForTeams(view);
    expect(chunks).toHaveLength(1);
    expect(viewBytes(chunks[0]!)).toBeLessThanOrEqual(TEAMS_MESSAGE_BUDGET_BYTES);
    expect(chunks[0]!.title.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(chunks[0]!.sections[0]!.items).toEqual(['een afspraak', 'nog een afspraak']);
  });

  it('counts JSON escaping (quotes, newlines, control characters) in the budget', () => {
    const nasty = '"\\\n\t\u0001'.repeat(2_000);
    const view: SummaryView = { title: 'Citaat "x"', sections: [{ heading: 'H', items: [nasty, nasty, nasty] }] };
    for (const c of splitForTeams(view, { budgetBytes: 5_000 })) expect(viewBytes(c)).toBeLessThanOrEqual(5_000);
  });

  it('fills chunks exactly up to the budget (the size bookkeeping matches JSON.stringify)', () => {
    for (const budget of [1_000, 1_234, 4_096, 10_000]) {
      const chunks = splitForTeams(bigView(5, 30, 37), { budgetBytes: budget });
      for (const c of chunks) expect(viewBytes(c)).toBeLessThanOrEqual(budget);
      // Each chunk but the last could not have taken the next item.
      const items = flatten(chunks);
      let k = 0;
      for (const c of chunks.slice(0, -1)) {
        k += c.sections.reduce((n, s) => n + s.items.length, 0);
        const next = items[k]![1];
        const grown = { title: c.title, sections: c.sections.map((s) => ({ ...s, items: [...s.items] })) };
        grown.sections[grown.sections.length - 1]!.items.push(next);
        expect(jsonBytes(grown)).toBeGreaterThan(budget - 50); // within the continued-heading slack
      }
    }
  });

  it('rejects a budget too small to hold anything readable (a programming error)', () => {
    expect(() => splitForTeams({ title: 'T', sections: [] }, { budgetBytes: 10 })).toThrow(RangeError);
    expect(() => splitForTeams({ title: 'T', sections: [] }, { budgetBytes: Number.NaN })).toThrow(RangeError);
  });

  it('splits 1 MB in well under a second', () => {
    const view = bigView(50, 100, 200);
    const t0 = performance.now();
    const chunks = splitForTeams(view);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(flatten(chunks)).toEqual(original(view));
  });
});
