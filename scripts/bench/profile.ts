/**
 * CPU profile of one measured window (a storm), not of the whole bench run with its setup and floor:
 * set BENCH_CPU_PROF=<folder> and each window wrapped in `profiled` writes <folder>/<label>.cpuprofile
 * (open it in Chrome DevTools or speedscope). Without the variable it only runs `work`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

/** Other instruments (a statement counter in a one-off script) can watch the same windows. */
export const windowWatchers: { start(label: string): void; stop(label: string): void }[] = [];

export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  for (const w of windowWatchers) w.start(label);
  try {
    return await cpuProfiled(label, work);
  } finally {
    for (const w of windowWatchers) w.stop(label);
  }
}

async function cpuProfiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
