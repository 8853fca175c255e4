/**
 * Composition root: config → database (migrated, demo data) → services → features → Teams app → HTTP.
 * `startWijkbot` is what `npm start` runs and what the end-to-end tests start on an ephemeral port.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { ConfigError, isAuthEnabled, loadConfig, type Config } from './config';
import type { Db } from './db/client';
import { DatabaseDamagedError } from './db/integrity';
import type { OpenedDatabase } from './db/open';
import { PreparedSqlite } from './db/preparedSqlite';
import { loadOrCreateSecret } from './db/secret';
import { seedDemoGroups } from './db/seed/demoGroups';
import { checkDataDir, databaseFailure, listenFailure, oneLine } from './startupFailures';
import { createHttpServer } from './http/server';
import type { JobQueue } from './jobs/jobQueue';
import { createLogger, type Logger } from './log';
import { databaseErrorKind, WijkbotMetrics } from './metrics/metrics';
import { Health } from './ops/health';
import type { FeatureModule } from './teams/featureModule';
import type { AppServices } from './teams/services';

/**
 * The Teams side and the features, loaded after the server listens: teams-ai, botbuilder, the card
 * template engine and the features take ~2 s of CPU to load (node --cpu-prof), and /healthz answers
 * meanwhile (issue 11: first start to /healthz ≤ 2 s). /readyz stays 503 until they are wired.
 */
async function loadBotModules() {
  // One at a time, with a few event-loop turns in between: loading blocks the loop, and a probe needs more
  // than one turn (accept, read, answer), so it waits for at most one module instead of two or three.
  const next = async <T>(load: () => Promise<T>): Promise<T> => {
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    return load();
  };
  // the heaviest packages first, each its own step, so no single step blocks for long
  await next(() => import('botbuilder'));
  await next(() => import('@microsoft/teams-ai'));
  await next(() => import('adaptivecards-templating'));
  const { createAdapter } = await next(() => import('./teams/adapter'));
  const { WijkbotTeamsApp } = await next(() => import('./teams/app'));
  const { ConversationStore } = await next(() => import('./teams/conversationStore'));
  const { Proactive } = await next(() => import('./teams/proactive'));
  const { GroupsService } = await next(() => import('./features/groups/service'));
  const { featureModules } = await next(() => import('./teams/handlers'));
  const { JobQueue } = await next(() => import('./jobs/jobQueue')); // Prisma's runtime: not before the listen
  return { createAdapter, WijkbotTeamsApp, ConversationStore, featureModules, Proactive, GroupsService, JobQueue };
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** tests: a fake outbound token factory for the authenticated path */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** tests: a controllable clock */
  clock?: () => Date;
  /** tests: do not poll jobs on a timer (tests call services.jobs.runDue()) */
  jobsTimer?: boolean;
  /** tests: where the JSON log lines go (default stdout) */
  logDestination?: { write(line: string): void };
}

export interface RunningWijkbot {
  url: string;
  port: number;
  services: AppServices;
  modules: FeatureModule[];
  stop(): Promise<void>;
}

/**
 * Opens the configured store (src/db/open.ts): the embedded database is created from the install-time
 * template, checked (a damaged file is refused before anything writes to it), tuned and migrated;
 * PostgreSQL is migrated under its advisory lock. Failures become one clear line naming the setting.
 */
async function openStore(config: Config, metrics: WijkbotMetrics): Promise<OpenedDatabase> {
  try {
    const { openDatabase } = await import('./db/open'); // Prisma's client: loaded after the server listens
    return await openDatabase(config, { onError: (message) => metrics.databaseError(databaseErrorKind(message)) });
  } catch (err) {
    if (err instanceof DatabaseDamagedError || config.databaseUrl) throw err;
    throw databaseFailure(err, config.databaseFile) ?? err;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(listenFailure(err, port, host));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

async function seedIfEmpty(config: Config, db: Db, modules: FeatureModule[], log: Logger): Promise<void> {
  if (config.seedDemo === 'false') return;
  if ((await db.wijkGroup.count()) > 0) return;
  await seedDemoGroups(db);
  for (const m of modules) await m.seedDemo?.();
  log.info('demo data loaded (set SEED_DEMO=false to start empty)');
}

export async function startWijkbot(options: StartOptions = {}): Promise<RunningWijkbot> {
  const startedAt = Date.now();
  const config = loadConfig(options.env ?? process.env);
  const log = createLogger(config.logLevel, options.logDestination);
  const clock = options.clock ?? (() => new Date());
  checkDataDir(config.dataDir, config.databaseFile);
  const appSecret = loadOrCreateSecret(config.dataDir, config.appSecret); // a missing or short secret stops the start before anything else

  // Listening first: a starting instance answers /healthz (alive) and 503 on /readyz until it is ready.
  const metrics = new WijkbotMetrics();
  const health = new Health();
  const http = createHttpServer({ log, health, metrics, metricsToken: config.metricsToken });
  const server = http.server;
  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  let db: Db | undefined;
  let jobs: JobQueue | undefined;
  try {
    const { createAdapter, WijkbotTeamsApp, ConversationStore, featureModules, Proactive, GroupsService, JobQueue } = await loadBotModules();
    const opened = await openStore(config, metrics);
    db = opened.db;
    const { provider, fromTemplate, applied, changedSinceApplied } = opened;
    if (fromTemplate) log.info('new database created from the migrated install-time template');
    if (applied.length) log.info({ provider, migrations: applied }, 'database migrated');
    if (changedSinceApplied.length) log.warn({ migrations: changedSinceApplied }, 'applied migrations whose file changed since: not applied again');

    const { adapter, botAppId } = createAdapter(config, options.credentialsFactory);
    adapter.onTurnError = async (_context, err) => {
      log.error({ err: (err as Error).message }, 'turn error');
    };
    const conversations = new ConversationStore(db);
    jobs = new JobQueue(db, log, clock, { observer: metrics, leaseMs: config.jobsLeaseMs });
    const services: AppServices = {
      config, db, log, clock, conversations, jobs, metrics,
      sqlite: new PreparedSqlite(provider === 'sqlite' ? config.databaseFile : null),
      groups: new GroupsService(db, config.admins),
      proactive: new Proactive(adapter, botAppId, conversations, log, { observer: metrics }),
      publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${port}`,
      appSecret,
    };
    const queue = jobs;
    metrics.observeJobs(() => queue.stats());
    const modules = featureModules(services);
    for (const m of modules) for (const [kind, handler] of Object.entries(m.jobs ?? {})) jobs.register(kind, handler);
    await seedIfEmpty(config, db, modules, log);
    for (const m of modules) await m.start?.();

    const teamsApp = new WijkbotTeamsApp(services, modules, adapter, botAppId);
    const authEnabled = isAuthEnabled(config);
    http.mountBot({ adapter, teamsApp, authEnabled, routes: modules.flatMap((m) => m.httpRoutes ?? []) });
    health.attach({ db, authEnabled, sqlite: provider === 'sqlite', checks: modules.flatMap((m) => (m.ready ? [{ name: m.name, ready: m.ready }] : [])) });
    if (options.jobsTimer !== false) jobs.start(config.jobsPollMs);
    health.markReady();

    if (!authEnabled) {
      log.warn({ host: config.host }, '*** ANONYMOUS DEVELOPMENT MODE: no MicrosoftAppId/MicrosoftAppPassword set, requests are NOT authenticated. Never run like this in production. Listening on 127.0.0.1 only unless HOST is set. ***');
    }
    if (!config.allowedTenants.length) log.warn('ALLOWED_TENANTS is empty: activities from every tenant are accepted');
    log.info({ port, database: provider, readyInMs: Date.now() - startedAt }, `Wijkbot listening on ${url}/api/messages`);
    return running(server, health, services, modules, url, port);
  } catch (err) {
    await jobs?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db?.$disconnect();
    throw err;
  }
}

function running(server: Server, health: Health, services: AppServices, modules: FeatureModule[], url: string, port: number): RunningWijkbot {
  const { log, jobs, conversations, db } = services;
  let stopped = false;
  return {
    url, port, services, modules,
    async stop() {
      if (stopped) return;
      stopped = true;
      health.markStopping();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // background work of the last turns (card edits, notifications) finishes before the database closes
      for (const m of modules) await m.idle?.().catch((err) => log.warn({ module: m.name, err: (err as Error).message }, 'background work failed during shutdown'));
      await jobs.stop();
      await conversations.flushUsers();
      services.sqlite.close();
      await db.$disconnect();
    },
  };
}

if (require.main === module) {
  startWijkbot()
    .then((bot) => {
      const shutdown = (signal: string) => {
        bot.services.log.info({ signal }, 'shutting down');
        bot.stop().then(() => process.exit(0), () => process.exit(1));
        setTimeout(() => process.exit(1), 10_000).unref();
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((err) => {
      // one clear line, no stack: configuration and environment mistakes name the setting to change
      if (err instanceof ConfigError || err instanceof DatabaseDamagedError) console.error(err.message);
      else console.error(`Wijkbot kon niet starten: ${oneLine(err)}`);
      process.exit(1);
    });
}
