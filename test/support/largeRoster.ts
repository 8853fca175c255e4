/** A large roster file and `npm run org -- import` as its own process: for the live-import test and bench. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A roster of `rows` new people in 20 new wijkgroepen, as a coordinator would export it. */
export function largeRoster(rows: number): string {
  const lines = ['wijkgroep,naam,email,aad_object_id,rol'];
  for (let i = 0; i < rows; i++) {
    const hex = i.toString(16).padStart(12, '0');
    lines.push(`Wijk ${i % 20},Huisarts ${i},ha${i}@regio.test,${`7a000000-0000-4000-8000-${hex}`},huisarts`);
  }
  return lines.join('\n') + '\n';
}

/** `npm run org -- import <file>` against the bot's DATA_DIR (or its DATABASE_URL in `env`), as its own process. */
export function runImport(dataDir: string, file: string, extraArgs: string[] = [], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/org.ts'), 'import', file, ...extraArgs], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let running = true;
  const exited = new Promise<{ code: number | null; out: string }>((resolve) => child.once('exit', (code) => { running = false; resolve({ code, out }); }));
  return { exited, running: () => running, kill: () => child.kill('SIGKILL') };
}
