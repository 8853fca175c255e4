/**
 * Partners added together are numbered by discipline and postcode (storageOrder.ts), so a search reads its
 * candidates from a few stretches of memory. That order is only for speed: the same partners added in any
 * order must give the same pages and totals, and a partner given twice keeps its last version.
 */
import { generatePartners } from '../../../src/features/socialMap/demoData';
import { parseFor } from '../../../src/features/socialMap/lookup';
import { SocialMapIndex } from '../../../src/features/socialMap/searchIndex';
import type { Partner } from '../../../src/features/socialMap/types';
import { partner } from './fixtures';

const TODAY = '2026-11-23';
const TYPED = [
  'fysio', 'fysio bekkenbodem oost', 'de vries fysio', 'fysio 1093 AB', 'POH GGZ noord', 'jansen', 'apotheek 1092',
  'psycholoog emdr west zonder opnamestop', 'oefentherapie rug 1017 dinsdag', 'hospice', 'praktijk', 'dietist zonder opnamestop',
];

/** Discipline of each partner in the index's own order. */
function disciplinesInStorage(index: SocialMapIndex): string[] {
  return [...index.partners()].map((p) => p.discipline);
}

/** How many separate runs the values make ("a a b a" is three). */
function runs(values: string[]): number {
  return values.filter((v, i) => i === 0 || values[i - 1] !== v).length;
}

/** A deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the order partners are stored in', () => {
  const map = generatePartners(2_000, 11, { today: TODAY });

  it('puts the partners of one discipline side by side, whatever order they came in', () => {
    const index = new SocialMapIndex(shuffled(map, 1));
    const disciplines = disciplinesInStorage(index);
    expect(runs(disciplines)).toBe(new Set(disciplines).size);
  });

  it('changes no page and no total: the same map in two orders answers every query alike', () => {
    const a = new SocialMapIndex(shuffled(map, 2));
    const b = new SocialMapIndex([...map].reverse());
    for (const text of TYPED) {
      for (const offset of [0, 5, 10]) {
        const page = (index: SocialMapIndex) => {
          const r = index.search(parseFor(index, text), { today: TODAY, offset, limit: 5 });
          return { total: r.total, ids: r.results.map((h) => h.partner.id) };
        };
        expect({ text, offset, ...page(b) }).toEqual({ text, offset, ...page(a) });
      }
    }
  });

  it('keeps the last version of a partner given twice in one batch, as adding them one by one would', () => {
    // the last version's discipline sorts first: sorting alone would apply the versions in the wrong order
    const first = partner({ id: 'twice', discipline: 'logopedie', waitWeeks: 2 });
    const last: Partner = { ...first, discipline: 'fysiotherapie', waitWeeks: 9 };
    const index = new SocialMapIndex();
    index.upsertAll([first, partner({ discipline: 'diëtetiek' }), last]);
    expect(index.size).toBe(2);
    expect(index.get('twice')).toMatchObject({ discipline: 'fysiotherapie', waitWeeks: 9 });
    expect(index.search(parseFor(index, 'logopedie'), { today: TODAY }).total).toBe(0);
    expect(index.search(parseFor(index, 'fysio'), { today: TODAY }).results.map((h) => h.partner.id)).toEqual(['twice']);
  });

  it('numbers new partners of a later batch after the ones already there, and changes a known one in place', () => {
    const index = new SocialMapIndex(map.slice(0, 100));
    const before = [...index.partners()].map((p) => p.id);
    const changed = { ...map[0]!, waitWeeks: 30 };
    index.upsertAll([...map.slice(100, 200), changed]);
    const after = [...index.partners()].map((p) => p.id);
    expect(after.slice(0, 100)).toEqual(before);
    expect(index.get(changed.id)!.waitWeeks).toBe(30);
    expect(runs(disciplinesInStorage(index).slice(100))).toBe(new Set(map.slice(100, 200).map((p) => p.discipline)).size);
  });
});
