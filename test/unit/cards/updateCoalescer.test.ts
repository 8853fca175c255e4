import { CardUpdateCoalescer } from '../../../src/cards/updateCoalescer';

/** A coalescer whose edit takes 5 ms and records the state it rendered (read when the edit starts). */
function slowRenderer(card: { state: number }) {
  const rendered: number[] = [];
  const coalescer = new CardUpdateCoalescer(async () => {
    const seen = card.state;
    await new Promise((r) => setTimeout(r, 5));
    rendered.push(seen);
  }, 0, () => undefined);
  return { coalescer, rendered };
}

describe('shared card updates under a vote or RSVP storm', () => {
  test('many requests while an update runs become one more update, which sees the latest state', async () => {
    const card = { state: 0 };
    const { coalescer: c, rendered } = slowRenderer(card);
    const waits: Promise<void>[] = [];
    for (let i = 1; i <= 100; i++) {
      card.state = i;
      waits.push(c.request(1));
    }
    await Promise.all(waits);
    expect(rendered.length).toBeLessThanOrEqual(2);
    expect(rendered.at(-1)).toBe(100);
  });

  test('a request made during an update is served by a later update (never lost)', async () => {
    const card = { state: 0 };
    const { coalescer: c, rendered } = slowRenderer(card);
    void c.request(1);
    await new Promise((r) => setTimeout(r, 2));
    card.state = 1;
    await c.request(1);
    expect(rendered).toEqual([0, 1]);
  });

  test('updates for one card keep their distance; other cards are independent', async () => {
    const starts: Record<number, number[]> = { 1: [], 2: [] };
    const c = new CardUpdateCoalescer(async (id) => {
      starts[id].push(Date.now());
    }, 40, () => undefined);
    void c.request(1);
    void c.request(2);
    await new Promise((r) => setTimeout(r, 1));
    void c.request(1);
    await c.idle();
    expect(starts[1]).toHaveLength(2);
    expect(starts[1][1] - starts[1][0]).toBeGreaterThanOrEqual(35);
    expect(starts[2]).toHaveLength(1);
  });

  test('a failed update is reported, rejects its waiters, and does not block the next one', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const c = new CardUpdateCoalescer(async () => {
      if (fail) throw new Error('429');
    }, 0, (_id, err) => errors.push(err));
    await expect(c.request(1)).rejects.toThrow('429');
    fail = false;
    await expect(c.request(1)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  test('works with any key (meetings use string ids) and forgets old start times of many cards', async () => {
    const seen: string[] = [];
    const c = new CardUpdateCoalescer<string>(async (id) => void seen.push(id), 0, () => undefined);
    for (let i = 0; i < 1500; i++) await c.request(`m${i}`);
    await c.idle();
    expect(seen).toHaveLength(1500);
    expect((c as unknown as { lastStart: Map<string, number> }).lastStart.size).toBeLessThan(1000);
  });
});
