import { CardCache } from '../../../src/cards/cardCache';

describe('CardCache', () => {
  const card = () => ({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Fysio Oost' }], actions: [{ data: { q: 'fysio', offset: 0 } }] });

  test('renders once per key and hands the kept card out again, frozen all the way down', () => {
    const cache = new CardCache(4);
    let renders = 0;
    const first = cache.get('k', () => (renders++, card()));
    // only the asker that rendered it holds it so far: it is frozen when it is first shared, not before
    expect(Object.isFrozen(first)).toBe(false);
    const again = cache.get('k', () => (renders++, card()));
    expect(renders).toBe(1);
    expect(again).toBe(first);
    expect(cache.counts).toEqual({ hits: 1, misses: 1 });
    // nothing downstream can change a kept card for the next asker
    expect(() => { (again.body as { text: string }[])[0]!.text = 'changed'; }).toThrow(TypeError);
    expect(() => { ((again.actions as { data: { offset: number } }[])[0]!.data).offset = 5; }).toThrow(TypeError);
    expect(cache.get('k', card)).toEqual(card());
  });

  test('keeps at most `max` cards, dropping the least recently used', () => {
    const cache = new CardCache(2);
    const renders: string[] = [];
    const get = (key: string) => cache.get(key, () => (renders.push(key), card()));
    get('a');
    get('b');
    get('a'); // a is now more recent than b
    get('c'); // b goes
    get('a');
    get('b');
    expect(renders).toEqual(['a', 'b', 'c', 'b']);
  });
});
