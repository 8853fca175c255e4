/** Driving the bot over HTTP for the benchmarks: posting activities, concurrent load, a ready database. */
import fs from 'node:fs';
import path from 'node:path';

/** POSTs an activity to /api/messages and reads the whole answer (as Teams does). */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
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
