import { ConversationRateLimiter } from '../../../src/teams/rateLimiter';
import { withRetry } from '../../../src/teams/retry';

describe('per-conversation rate limit (Teams: 7/s, 60/30 s, 1800/h)', () => {
  test('the 8th message within a second waits until the first leaves the window', () => {
    let now = 1_000_000;
    const limiter = new ConversationRateLimiter(undefined, () => now);
    for (let i = 0; i < 7; i++) {
      expect(limiter.delayFor('c1')).toBe(0);
      limiter.record('c1');
      now += 10;
    }
    expect(limiter.delayFor('c1')).toBe(1000 - 70);
    expect(limiter.delayFor('c2')).toBe(0); // other conversations are independent
  });

  test('61 messages in 30 s: the 61st waits for the 30-second window', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter(undefined, () => now);
    for (let i = 0; i < 60; i++) {
      now = i * 200; // 5/s: under the per-second limit
      expect(limiter.delayFor('c')).toBe(0);
      limiter.record('c');
    }
    now = 60 * 200;
    expect(limiter.delayFor('c')).toBe(30_000 - 60 * 200);
  });

  test('acquire sleeps for the computed delay and then claims the slot', async () => {
    let now = 0;
    const limiter = new ConversationRateLimiter([{ windowMs: 1000, max: 1 }], () => now);
    await limiter.acquire('c');
    const sleeps: number[] = [];
    await limiter.acquire('c', async (ms) => {
      sleeps.push(ms);
      now += ms;
    });
    expect(sleeps).toEqual([1000]);
  });
});

describe('retry with backoff and jitter', () => {
  const err = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { statusCode });

  test.each([429, 412, 502, 504])('%i is retried until it succeeds', async (status) => {
    let calls = 0;
    const sleeps: number[] = [];
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw err(status);
      return 'ok';
    }, { attempts: 5, baseMs: 100, maxMs: 1000, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([50, 100]); // full jitter: random * 100, random * 200
  });

  test('400 and 403 fail at once', async () => {
    for (const status of [400, 403]) {
      let calls = 0;
      await expect(withRetry(async () => { calls++; throw err(status); }, { attempts: 5, baseMs: 1, maxMs: 1, sleep: async () => undefined })).rejects.toThrow(`status ${status}`);
      expect(calls).toBe(1);
    }
  });

  test('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw err(429); }, { attempts: 4, baseMs: 1, maxMs: 1, sleep: async () => undefined })).rejects.toThrow('status 429');
    expect(calls).toBe(4);
  });
});
