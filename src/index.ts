/**
 * Composition root: config → database (migrated, demo data) → services → features → Teams app → HTTP.
 * `startWijkbot` is what `npm start` runs and what the end-to-end tests start on an ephemeral port.
 */
import type { AddressInfo } from 'node:net';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { ConfigError, isAuthEnabled, loadConfig, type Config } from './config';
import type { Db } from './db/client';
import { openDatabase } from './db/open';
import { loadOrCreateSecret } from './db/secret';
import { seedDemoGroups } from './db/seed/demoGroups';
import { GroupsService } from './features/groups/service';
import { createHttpServer } from './http/server';
import { JobQueue } from './jobs/jobQueue';
import { createLogger, type Logger } from './log';
import { createAdapter } from './teams/adapter';
import { WijkbotTeamsApp } from './teams/app';
import { ConversationStore } from './teams/conversationStore';
import type { FeatureModule } from './teams/featureModule';
import { featureModules } from './teams/handlers';
import { Proactive } from './teams/proactive';
import type { AppServices } from './teams/services';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** tests: a fake outbound token factory for the authenticated path */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** tests: a controllable clock */
  clock?: () => Date;
  /** tests: do not poll jobs on a timer (tests call services.jobs.runDue()) */
  jobsTimer?: boolean;
}

export interface RunningWijkbot {
  url: string;
  port: number;
  services: AppServices;
  modules: FeatureModule[];
  stop(): Promise<void>;
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
  const log = createLogger(config.logLevel);
  const clock = options.clock ?? (() => new Date());

  const { db, provider, applied, fromTemplate, changedSinceApplied } = await openDatabase(config);
  if (fromTemplate) log.info('new database created from the migrated install-time template');
  if (applied.length) log.info({ provider, migrations: applied }, 'database migrated');
  if (changedSinceApplied.length) log.warn({ migrations: changedSinceApplied }, 'applied migrations whose file changed since: not applied again');

  const { adapter, botAppId } = createAdapter(config, options.credentialsFactory);
  adapter.onTurnError = async (_context, err) => {
    log.error({ err: (err as Error).message }, 'turn error');
  };
  const conversations = new ConversationStore(db);
  const jobs = new JobQueue(db, log, clock, config.jobsLeaseMs);
  const services: AppServices = {
    config, db, log, clock, conversations, jobs,
    groups: new GroupsService(db, config.admins),
    proactive: new Proactive(adapter, botAppId, conversations, log),
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
    appSecret: loadOrCreateSecret(config.dataDir, config.appSecret),
  };
  const modules = featureModules(services);
  for (const m of modules) for (const [kind, handler] of Object.entries(m.jobs ?? {})) jobs.register(kind, handler);
  await seedIfEmpty(config, db, modules, log);
  for (const m of modules) await m.start?.();

  const teamsApp = new WijkbotTeamsApp(services, modules, adapter, botAppId);
  const authEnabled = isAuthEnabled(config);
  const server = createHttpServer({
    adapter, teamsApp, log, authEnabled,
    routes: modules.flatMap((m) => m.httpRoutes ?? []),
    health: async () => {
      await db.$queryRawUnsafe('SELECT 1');
      return { database: 'ok', auth: authEnabled ? 'on' : 'off (development)' };
    },
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  if (!config.publicBaseUrl) services.publicBaseUrl = `http://localhost:${port}`;
  if (options.jobsTimer !== false) jobs.start(config.jobsPollMs);

  if (!authEnabled) {
    log.warn('*** ANONYMOUS DEVELOPMENT MODE: no MicrosoftAppId/MicrosoftAppPassword set, requests are NOT authenticated. Never run like this in production. ***');
  }
  if (!config.allowedTenants.length) log.warn('ALLOWED_TENANTS is empty: activities from every tenant are accepted');
  log.info({ port, database: provider, readyInMs: Date.now() - startedAt }, `Wijkbot listening on ${url}/api/messages`);

  let stopped = false;
  return {
    url, port, services, modules,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // background work of the last turns (card edits, notifications) finishes before the database closes
      for (const m of modules) await m.idle?.().catch((err) => log.warn({ module: m.name, err: (err as Error).message }, 'background work failed during shutdown'));
      await jobs.stop();
      await conversations.flushUsers();
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
      // one clear line, no stack, for configuration mistakes
      if (err instanceof ConfigError) console.error(err.message);
      else console.error('Wijkbot kon niet starten:', (err as Error).message);
      process.exit(1);
    });
}
