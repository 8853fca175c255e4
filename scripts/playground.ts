/**
 * `npm run playground`: Wijkbot (embedded database, demo data) plus the Microsoft 365 Agents Playground,
 * a Teams-like chat in the browser, fully offline. Open the printed address and talk to Wijkbot as
 * "Alex Wilber" (demo admin and coordinator of Oost). Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startWijkbot } from '../src';

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);

async function main(): Promise<void> {
  const bot = await startWijkbot({ env: { ...process.env, HOST: '127.0.0.1', PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3978}` } });
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'loopback-preload.cjs'), cli, '-e', `${bot.url}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--service-url', `http://127.0.0.1:${PLAYGROUND_PORT}/_connector`, '--disable-telemetry'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        // it would try to open a browser itself (xdg-open), which fails on a server and ends the process
        TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(bot.services.config.dataDir, 'playground.log'),
      },
    },
  );
  console.log(`\nAgents Playground: http://127.0.0.1:${PLAYGROUND_PORT}  (bot: ${bot.url}/api/messages)\n`);
  const stop = async () => {
    child.kill('SIGTERM');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', async (code) => {
    await bot.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(`Playground kon niet starten: ${(err as Error).message}`);
  process.exit(1);
});
