/**
 * Runs one bench part in a process of its own and hands its figures to scripts/bench/index.ts as one JSON
 * line on stdout (anything else the part prints goes to stderr).
 *   tsx scripts/bench/runPart.ts <file in scripts/bench> <exported function>
 */
import path from 'node:path';

async function main(): Promise<void> {
  const [file, fn] = process.argv.slice(2);
  if (!file || !fn) throw new Error('usage: runPart.ts <file> <function>');
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args); // stdout carries only the figures
  const mod = await import(path.join(__dirname, file));
  const figures = await mod[fn]();
  log(`FIGURES ${JSON.stringify(figures ?? {})}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench part failed: ${(err as Error).stack}`);
    process.exit(1);
  },
);
