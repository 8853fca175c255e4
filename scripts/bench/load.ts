/** Driving the bot over HTTP for the benchmarks: posting activities, concurrent load, a ready database. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Kept-alive connections, as the Bot Connector service keeps them to a bot. node:http rather than fetch:
 * with fetch (undici), a run of ~12 consecutive requests in a 50-in-flight storm stalled ~300 ms now and
 * then, on the bare floor bot as much as on Wijkbot, which made a storm's p95 a coin toss.
 */
const agent = new http.Agent({ keepAlive: true });

/** POSTs an activity to /api/messages and reads the whole answer (as Teams does). */
export function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * One POST, timed: the time and the answer. The activity is an argument, so it is built before the clock
 * starts (reading a fixture file took ~25 µs of every timed turn, the floor's and the bot's alike, which
 * made the ratios between them look smaller than they are).
 */
export async function timedPostWithAnswer(url: string, activity: unknown): Promise<[number, { status: number; body: any }]> {
  const t0 = process.hrtime.bigint();
  const res = await postJson(url, activity);
  return [Number(process.hrtime.bigint() - t0) / 1e6, res];
}

/** One POST, timed (ms), activity built beforehand (see timedPostWithAnswer). */
export async function timedPost(url: string, activity: unknown): Promise<number> {
  return (await timedPostWithAnswer(url, activity))[0];
}

/** Runs `work` over `items` with at most `concurrency` in flight; returns each item's latency in ms. */
export async function pool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<{ ms: number[]; results: R[] }> {
  const ms: number[] = new Array(items.length);
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) {
      const t0 = process.hrtime.bigint();
      results[i] = await work(items[i]);
      ms[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    }
  }));
  return { ms, results };
}

/** Fisher–Yates, in place: a storm's clicks arrive in no particular order. */
export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The migrated template database the test harness copies (built once; startWijkbot applies newer migrations). */
export async function ensureTemplateDb(): Promise<void> {
  if (fs.existsSync(path.resolve(__dirname, '../../.test-tmp/template.db'))) return;
  const { default: globalSetup } = await import('../../test/support/globalSetup');
  await globalSetup();
}
