import { FreshRead } from '../../../src/db/freshRead';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('FreshRead: shared reads that still see the caller\'s own write', () => {
  test('a burst of 100 callers costs two reads, and every caller sees the state at its call or later', async () => {
    let state = 0;
    let reads = 0;
    const fresh = new FreshRead(async () => {
      reads++;
      const seen = state;
      await tick();
      return seen;
    });
    const calls: Promise<number>[] = [];
    const stateAtCall: number[] = [];
    for (let i = 1; i <= 100; i++) {
      state = i; // the caller's own write, just before it asks
      stateAtCall.push(state);
      calls.push(fresh.get('m1'));
    }
    const results = await Promise.all(calls);
    expect(reads).toBe(2);
    results.forEach((r, i) => expect(r).toBeGreaterThanOrEqual(stateAtCall[i]!));
  });

  test('a caller arriving while a read runs never gets that older read', async () => {
    let state = 'before';
    const fresh = new FreshRead(async () => {
      const seen = state;
      await tick();
      return seen;
    });
    const first = fresh.get('m1');
    await tick(1);
    state = 'after';
    expect(await fresh.get('m1')).toBe('after');
    expect(await first).toBe('before');
  });

  test('keys are independent; a failed read rejects its callers and the next call reads again', async () => {
    let fail = true;
    const seen: string[] = [];
    const fresh = new FreshRead(async (key: string) => {
      seen.push(key);
      if (fail) throw new Error('database busy');
      return key.toUpperCase();
    });
    await expect(fresh.get('a')).rejects.toThrow('database busy');
    fail = false;
    expect(await Promise.all([fresh.get('a'), fresh.get('b')])).toEqual(['A', 'B']);
    expect(seen).toEqual(['a', 'a', 'b']);
  });
});
