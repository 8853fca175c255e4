/**
 * Liveness and readiness, the split a load balancer and an orchestrator expect:
 *
 * - /healthz, alive: the process serves HTTP, and (once the database is open) it can run a real query
 *   (src/db/integrity.ts, `probe`). 503 means "restart me": a damaged database then stops the next start
 *   with one clear line instead of answering every turn with an apology.
 * - /readyz, ready for traffic: started completely, database probe passes, no migration pending, and
 *   every module that must warm up (the social-map index) is loaded. 503 while starting, while stopping
 *   and whenever one of these fails, so a load balancer takes the instance out of rotation.
 *
 * Answers carry codes only (ok, error, pending, loading), never error text.
 */
import type { Db } from '../db/client';
import { checkDatabase, type DatabaseReport } from '../db/integrity';

export interface ReadyCheck {
  name: string;
  ready(): boolean;
}

export interface HealthSources {
  db: Db;
  authEnabled: boolean;
  /** module warm-ups that must be done before the instance takes traffic */
  checks: ReadyCheck[];
  /** the embedded database (false for PostgreSQL: the probe is the same, no PRAGMA checks) */
  sqlite?: boolean;
}

export interface HealthAnswer {
  status: 200 | 503;
  body: Record<string, string>;
}

type Phase = 'starting' | 'ready' | 'stopping';

export class Health {
  private sources: HealthSources | null = null;
  private phase: Phase = 'starting';
  private probing: Promise<DatabaseReport> | null = null;

  /** the database is open and checked: probes from now on */
  attach(sources: HealthSources): void {
    this.sources = sources;
  }

  markReady(): void {
    this.phase = 'ready';
  }

  markStopping(): void {
    this.phase = 'stopping';
  }

  /** One probe at a time: concurrent health requests share it. */
  private probe(db: Db): Promise<DatabaseReport> {
    this.probing ??= checkDatabase(db, 'probe', { sqlite: this.sources?.sqlite }).finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  async liveness(): Promise<HealthAnswer> {
    if (!this.sources) return { status: 200, body: { status: 'ok', state: this.phase } };
    const report = await this.probe(this.sources.db);
    const auth = this.sources.authEnabled ? 'on' : 'off (development)';
    if (!report.ok) return { status: 503, body: { status: 'unhealthy', database: 'error', auth } };
    return { status: 200, body: { status: 'ok', state: this.phase, database: 'ok', auth } };
  }

  async readiness(): Promise<HealthAnswer> {
    if (this.phase !== 'ready' || !this.sources) return { status: 503, body: { status: this.phase } };
    const report = await this.probe(this.sources.db);
    const body: Record<string, string> = {
      database: report.ok ? 'ok' : 'error',
      migrations: !report.ok ? 'unknown' : report.migrations && report.migrations.pending.length === 0 && report.migrations.failed.length === 0 ? 'ok' : 'pending',
    };
    for (const check of this.sources.checks) body[check.name] = check.ready() ? 'ok' : 'loading';
    const ready = Object.values(body).every((v) => v === 'ok');
    return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', ...body } };
  }
}
