/**
 * `npm run playground`: Wijkbot (embedded database, demo data) plus the Microsoft 365 Agents Playground,
 * a Teams-like chat in the browser, fully offline. Open the printed address and talk to Wijkbot as
 * "Alex Wilber" (demo admin and coordinator of Oost). Ctrl+C stops both. In Dutch by default
 * (PLAYGROUND_LOCALE=en-US for English).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startWijkbot } from '../src';

const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
/** The Playground always says en-US; Wijkbot's users are Dutch, so by default the demo speaks Dutch. */
const PLAYGROUND_LOCALE = process.env.PLAYGROUND_LOCALE ?? 'nl-NL';

/** Sets the client locale the way a Dutch Teams client sends it (activity.locale and clientInfo). */
export function withLocale(activity: Record<string, unknown>, locale: string): Record<string, unknown> {
  const entities = Array.isArray(activity.entities) ? activity.entities : [];
  return {
    ...activity,
    locale,
    entities: entities.map((e: Record<string, unknown>) => (e?.type === 'clientInfo' ? { ...e, locale } : e)),
  };
}

/** A loopback proxy between the Playground and the bot that only rewrites the locale of each activity. */
export async function localeProxy(target: string, locale: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      try {
        body = Buffer.from(JSON.stringify(withLocale(JSON.parse(body.toString('utf8')), locale)));
      } catch {
        /* not JSON: passed on as it came, the bot answers it */
      }
      // the body is forwarded whole, so framing headers of the incoming request do not apply
      const { 'transfer-encoding': _te, connection: _conn, ...incoming } = req.headers;
      const headers = { ...incoming, 'content-length': String(body.length) };
      const out = http.request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('error', () => res.destroy());
        answer.pipe(res);
      });
      // the bot restarting or a reset connection: the Playground gets a 502, the proxy lives on
      out.on('error', () => {
        if (!res.headersSent) res.statusCode = 502;
        res.end();
      });
      out.end(body);
    });
    req.on('error', () => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function main(): Promise<void> {
  const bot = await startWijkbot({ env: { ...process.env, HOST: '127.0.0.1', PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3978}` } });
  const proxy = await localeProxy(bot.url, PLAYGROUND_LOCALE);
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'loopback-preload.cjs'), cli, '-e', `${proxy.url}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--service-url', `http://127.0.0.1:${PLAYGROUND_PORT}/_connector`, '--disable-telemetry'],
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
  console.log(`\nAgents Playground: http://127.0.0.1:${PLAYGROUND_PORT}  (bot: ${bot.url}/api/messages, data: ${bot.services.config.dataDir})`);
  console.log('There Wijkbot is "Test Bot": in a channel, type @ and pick Test Bot from the menu. Walk-through: README.md\n');
  const stop = async () => {
    child.kill('SIGTERM');
    proxy.close();
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', async (code) => {
    proxy.close();
    await bot.stop();
    process.exit(code ?? 0);
  });
}

if (require.main === module) main().catch((err) => {
  console.error(`Playground kon niet starten: ${(err as Error).message}`);
  process.exit(1);
});
