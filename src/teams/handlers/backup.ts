/**
 * Nightly back-up of the embedded database into BACKUP_DIR, keeping the newest BACKUP_KEEP copies
 * (src/db/backup.ts does the work; docs/OPERATIONS.md says where BACKUP_DIR should live). A durable job,
 * like housekeeping: planned once per night, runs once even after a restart, retried with back-off.
 *
 * The link secret (DATA_DIR/secret.key, when APP_SECRET is not set) is not in the database, yet restored
 * anonymous polls and calendar links need it: a copy is kept beside the back-ups.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { listNightlyBackups, nightlyBackup } from '../../db/backup';
import { dbProvider } from '../../db/client';
import type { FeatureModule } from '../featureModule';
import type { AppServices } from '../services';

/** 02:45 Amsterdam: outside surgery hours, before housekeeping (03:30) deletes anything. */
const SCHEDULE = '45 2 * * *';
export const BACKUP_JOB = 'backup.nightly';

function keepSecretBeside(dataDir: string, backupDir: string): void {
  const secret = path.join(dataDir, 'secret.key');
  const copy = path.join(backupDir, 'secret.key');
  if (!fs.existsSync(secret)) return;
  const value = fs.readFileSync(secret);
  if (fs.existsSync(copy) && fs.readFileSync(copy).equals(value)) return;
  fs.writeFileSync(`${copy}.tmp`, value, { mode: 0o600 });
  fs.renameSync(`${copy}.tmp`, copy);
}

export function backupModule(services: AppServices): FeatureModule {
  const { db, jobs, clock, log, config, metrics } = services;
  const { dir, keep: configuredKeep } = config.backup;
  // VACUUM INTO is SQLite's: on PostgreSQL the database service backs up (docs/OPERATIONS.md, section 7)
  const onPostgres = dbProvider(db) === 'postgresql';
  const keep = onPostgres ? 0 : configuredKeep;
  const nextRun = (after: Date) => new Cron(SCHEDULE, { timezone: 'Europe/Amsterdam', paused: true }).nextRun(after)!;
  const planNext = async (after: Date) => {
    const at = nextRun(after);
    await jobs.scheduleOnce(BACKUP_JOB, `${BACKUP_JOB}:${at.toISOString()}`, at);
  };
  return {
    name: 'backup',
    jobs: {
      [BACKUP_JOB]: async (_payload, ctx) => {
        if (keep === 0) return; // switched off since this run was planned
        try {
          const result = await nightlyBackup(db, dir, keep, ctx.now);
          if (!config.appSecret) keepSecretBeside(config.dataDir, dir);
          log.info({ file: path.basename(result.file), bytes: result.bytes, ms: result.ms, pruned: result.pruned.length }, 'nightly back-up written');
        } finally {
          await planNext(ctx.now); // a failing night must not end the series (the job itself is retried)
        }
      },
    },
    async start() {
      metrics.observeBackups(() => {
        const all = listNightlyBackups(dir);
        return { count: all.length, newestAt: all.at(-1)?.at ?? null };
      });
      if (onPostgres) {
        log.info('PostgreSQL: no nightly back-ups by Wijkbot (the database service makes them)');
        return;
      }
      if (keep === 0) {
        log.warn('BACKUP_KEEP=0: no nightly back-ups of the database');
        return;
      }
      await planNext(clock());
    },
  };
}
