/**
 * What an operator watches, in the Prometheus text format (prom-client), served at GET /metrics.
 *
 * Cost per turn: one counter increment and one histogram observation, in memory. Everything that needs a
 * query or a file listing (job queue depth, social-map size, newest back-up) is a gauge read when
 * Prometheus scrapes, never on a user's turn.
 *
 * Labels hold bounded values only: activity kinds, command names and card verbs from the route table,
 * job kinds, outcome codes, HTTP statuses. Never user text, names or ids: a label value is stored and
 * shown forever, and a free value per user would also grow the series without bound.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; Teams waits 5 s for an invoke and 15 s for a message turn, so the buckets resolve up to there. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
const CALL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type TurnKind = 'message' | 'card_action' | 'search' | 'invoke_other' | 'conversation_update' | 'installation_update' | 'other';
export type TurnResult = 'ok' | 'refused' | 'error' | 'redelivered' | 'tenant_refused' | 'unauthorized' | 'bad_request' | 'server_error';
export type ProactiveOperation = 'send' | 'update' | 'delete' | 'create_chat';
export type JobResult = 'done' | 'retry' | 'failed';

export interface JobQueueStats {
  /** pending and due now (or overdue) */
  due: number;
  /** pending, due later */
  scheduled: number;
  running: number;
  /** gave up after the last attempt */
  failed: number;
  /** seconds since the oldest due job was due; 0 when none is due */
  oldestDueAgeSeconds: number;
}

export interface SocialMapStats {
  loaded: boolean;
  partners: number;
  /** when the in-memory index last read the table (load or refresh); null before the first load */
  indexedAt: Date | null;
}

export interface BackupStats {
  /** nightly back-ups on disk */
  count: number;
  /** time of the newest one; null when there is none */
  newestAt: Date | null;
}

/** Hooks the rest of the bot calls; a module that gets none works as before (tests, command-line tools). */
export interface OpsObserver {
  proactive(operation: ProactiveOperation, ok: boolean, seconds: number): void;
  connectorRetry(status: number): void;
  jobRun(kind: string, result: JobResult, seconds: number): void;
  databaseError(kind: DatabaseErrorKind): void;
}

export type DatabaseErrorKind = 'unique_violation' | 'busy' | 'corrupt' | 'io' | 'other';

/** Sorts a database error message into a bounded kind (the message itself may repeat user data: never a label). */
export function databaseErrorKind(message: string): DatabaseErrorKind {
  if (/Unique constraint|UNIQUE constraint|P2002/.test(message)) return 'unique_violation';
  if (/SQLITE_BUSY|database is locked|deadlock|could not serialize/i.test(message)) return 'busy';
  if (/malformed|SQLITE_CORRUPT|SQLITE_NOTADB|not a database/i.test(message)) return 'corrupt';
  if (/SQLITE_(IOERR|FULL|READONLY|CANTOPEN)|disk is full|readonly|read-only|ECONNREFUSED|connection/i.test(message)) return 'io';
  return 'other';
}

/** Process metrics (CPU, memory, event-loop lag, GC) are the process's: collected once, however many bots it runs. */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class WijkbotMetrics implements OpsObserver {
  readonly registry = new Registry();
  /**
   * Made with the bot, not at the first scrape: prom-client counts CPU from the moment its collector is
   * registered, so a registry made inside the first scrape reported ~0 s of CPU (and made
   * test/e2e/metrics.test.ts fail when that came out as exactly 0).
   */
  private readonly process = processMetrics();
  private jobSource: (() => Promise<JobQueueStats>) | null = null;
  private socialMapSource: (() => SocialMapStats) | null = null;
  private backupSource: (() => BackupStats) | null = null;

  private readonly turns = new Counter({
    name: 'wijkbot_turns_total',
    help: 'Activities handled, by kind (message, card_action, search, ...), route (command name or card verb from the route table) and result',
    labelNames: ['kind', 'route', 'result'] as const,
    registers: [this.registry],
  });
  private readonly turnSeconds = new Histogram({
    name: 'wijkbot_turn_duration_seconds',
    help: 'Time from receiving an activity to the HTTP answer, by kind and route',
    labelNames: ['kind', 'route'] as const,
    buckets: TURN_BUCKETS,
    registers: [this.registry],
  });
  private readonly proactiveCalls = new Counter({
    name: 'wijkbot_proactive_calls_total',
    help: 'Posts, updates and deletes outside a user turn (reminders, shared cards), by operation and result',
    labelNames: ['operation', 'result'] as const,
    registers: [this.registry],
  });
  private readonly proactiveSeconds = new Histogram({
    name: 'wijkbot_proactive_duration_seconds',
    help: 'Time of a proactive call including rate-limit waits and retries, by operation',
    labelNames: ['operation'] as const,
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'wijkbot_connector_retries_total',
    help: 'Calls to the Bot Connector retried after a transient answer, by HTTP status (429 = Teams throttling)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly jobRuns = new Counter({
    name: 'wijkbot_job_runs_total',
    help: 'Durable job runs by kind and result (done, retry = failed and planned again, failed = gave up)',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });
  private readonly jobSeconds = new Histogram({
    name: 'wijkbot_job_duration_seconds',
    help: 'Time a job handler ran, by kind',
    labelNames: ['kind'] as const,
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly dbErrors = new Counter({
    name: 'wijkbot_database_errors_total',
    help: 'Failed database queries by kind (unique_violation is mostly a harmless repeat click; corrupt, io and busy are not)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    const self = this;
    new Gauge({
      name: 'wijkbot_jobs',
      help: 'Jobs in the durable queue by state (due = pending and due now; scheduled = pending, due later)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const s = await self.jobStats();
        if (!s) return;
        this.set({ state: 'due' }, s.due);
        this.set({ state: 'scheduled' }, s.scheduled);
        this.set({ state: 'running' }, s.running);
        this.set({ state: 'failed' }, s.failed);
      },
    });
    new Gauge({
      name: 'wijkbot_jobs_oldest_due_age_seconds',
      help: 'How long the oldest due job has been waiting (0 when none is due); grows when jobs do not run',
      registers: [this.registry],
      async collect() {
        const s = await self.jobStats();
        if (s) this.set(s.oldestDueAgeSeconds);
      },
    });
    new Gauge({
      name: 'wijkbot_social_map_partners',
      help: 'Partners in the in-memory social-map index',
      registers: [this.registry],
      collect() {
        const s = self.socialMapSource?.();
        if (s) this.set(s.partners);
      },
    });
    new Gauge({
      name: 'wijkbot_social_map_loaded',
      help: '1 when the social-map index is loaded and lookups are answered',
      registers: [this.registry],
      collect() {
        const s = self.socialMapSource?.();
        if (s) this.set(s.loaded ? 1 : 0);
      },
    });
    new Gauge({
      name: 'wijkbot_social_map_index_age_seconds',
      help: 'Seconds since the index last read the partner table (load or refresh); one instance writes changes through, so this only matters with several',
      registers: [this.registry],
      collect() {
        const s = self.socialMapSource?.();
        if (s?.indexedAt) this.set(Math.max(0, (Date.now() - s.indexedAt.getTime()) / 1000));
      },
    });
    new Gauge({
      name: 'wijkbot_backups',
      help: 'Nightly back-ups present in BACKUP_DIR',
      registers: [this.registry],
      collect() {
        const s = self.backupSource?.();
        if (s) this.set(s.count);
      },
    });
    new Gauge({
      name: 'wijkbot_backup_newest_timestamp_seconds',
      help: 'Unix time of the newest nightly back-up (alert when time() minus this exceeds about 26 hours)',
      registers: [this.registry],
      collect() {
        const s = self.backupSource?.();
        if (s?.newestAt) this.set(s.newestAt.getTime() / 1000);
      },
    });
  }

  /** Both job gauges of one scrape share one read of the queue. */
  private jobStatsRead: Promise<JobQueueStats | null> | null = null;
  private jobStats(): Promise<JobQueueStats | null> {
    if (!this.jobSource) return Promise.resolve(null);
    this.jobStatsRead ??= this.jobSource().finally(() => {
      this.jobStatsRead = null;
    });
    return this.jobStatsRead;
  }

  // ---- sources read at scrape time ----
  observeJobs(source: () => Promise<JobQueueStats>): void {
    this.jobSource = source;
  }
  observeSocialMap(source: () => SocialMapStats): void {
    this.socialMapSource = source;
  }
  observeBackups(source: () => BackupStats): void {
    this.backupSource = source;
  }

  // ---- events (hot path: in memory only) ----
  turn(kind: TurnKind, route: string, result: TurnResult, seconds: number): void {
    this.turns.inc({ kind, route, result });
    this.turnSeconds.observe({ kind, route }, seconds);
  }
  proactive(operation: ProactiveOperation, ok: boolean, seconds: number): void {
    this.proactiveCalls.inc({ operation, result: ok ? 'ok' : 'failed' });
    this.proactiveSeconds.observe({ operation }, seconds);
  }
  connectorRetry(status: number): void {
    this.retries.inc({ status: String(status) });
  }
  jobRun(kind: string, result: JobResult, seconds: number): void {
    this.jobRuns.inc({ kind, result });
    this.jobSeconds.observe({ kind }, seconds);
  }
  databaseError(kind: DatabaseErrorKind): void {
    this.dbErrors.inc({ kind });
  }

  /** The exposition text: this bot's metrics and the process's. */
  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([this.registry, this.process]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
