/**
 * Starts a real Wijkbot (HTTP on an ephemeral 127.0.0.1 port, its own database copied from the migrated
 * template) plus a connector stub, and posts activities to /api/messages like Teams does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWijkbot, type RunningWijkbot, type StartOptions } from '../../src';
import { ConnectorStub } from './connectorStub';
import { createTestDatabase, dropTestDatabase, testingOnPostgres } from './pgDatabases';

const TEMPLATE_DB = path.resolve(__dirname, '../../.test-tmp/template.db');

export interface TestBot {
  bot: RunningWijkbot;
  stub: ConnectorStub;
  dataDir: string;
  /** the bot's JSON log lines, when started with captureLog (LOG_LEVEL info unless env says otherwise) */
  logLines: () => any[];
  /** the environment the bot was started with (to start a second instance or a restart on the same store) */
  env: Record<string, string>;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestBot(opts: { env?: Record<string, string>; clock?: () => Date; seedDemo?: boolean; captureLog?: boolean } & Pick<StartOptions, 'credentialsFactory'> = {}): Promise<TestBot> {
  const stub = await new ConnectorStub().start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-test-'));
  // the PostgreSQL jest project runs the same tests against a database of its own per bot
  const pgDb = testingOnPostgres() && !opts.env?.DATABASE_URL ? await createTestDatabase() : null;
  if (!pgDb) fs.copyFileSync(TEMPLATE_DB, path.join(dataDir, 'wijkbot.db'));
  const logged: string[] = [];
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: opts.seedDemo ? 'true' : 'false',
    LOG_LEVEL: opts.captureLog ? 'info' : process.env.TEST_LOG_LEVEL ?? 'silent',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...opts.env,
  };
  const bot = await startWijkbot({
    env,
    clock: opts.clock,
    jobsTimer: false,
    credentialsFactory: opts.credentialsFactory,
    logDestination: opts.captureLog ? { write: (chunk: string) => void logged.push(chunk) } : undefined,
  });
  return {
    bot,
    stub,
    dataDir,
    logLines: () => logged.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
    env,
    async post(activity, headers = {}) {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers };
    },
    async stop() {
      await bot.stop();
      await stub.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgDb) await dropTestDatabase(pgDb.name);
    },
  };
}
