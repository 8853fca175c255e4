/**
 * Data versions: how several instances keep in-memory copies (the actor cache, the social-map index)
 * in step without talking to each other. A writer bumps a key after its change; a reader keeps the number
 * it last saw and compares it with the database at most every `maxAgeMs` (one primary-key read of a tiny
 * table, shared by all callers in that window). When the number moved, the reader drops or refreshes its
 * copy. So another instance's change is seen within maxAgeMs plus one read, on SQLite and PostgreSQL
 * alike, and a database restart needs no reconnecting listener (why this and not LISTEN/NOTIFY).
 *
 * Use: `bumpDataVersion(db, 'roles')` after the change commits (or inside its transaction), and
 * `new DataVersionWatch(db, 'roles', 500, () => cache.clear())` with `await watch.check()` (or the
 * synchronous `isFresh()` first) before answering from the copy.
 */
import type { Db, Tx } from './client';

/** Raises the version of `key` by one (creating it at 1). Portable SQL: ON CONFLICT works in both databases. */
export async function bumpDataVersion(db: Db | Tx, key: string, now: Date = new Date()): Promise<void> {
  await db.$executeRaw`INSERT INTO "DataVersion" ("key", "version", "updatedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET "version" = "DataVersion"."version" + 1, "updatedAt" = excluded."updatedAt"`;
}

/** The current version of `key`; 0 when it was never bumped. */
export async function readDataVersion(db: Db | Tx, key: string): Promise<number> {
  const row = await db.dataVersion.findUnique({ where: { key }, select: { version: true } });
  return row?.version ?? 0;
}

export class DataVersionWatch {
  private seen: number | null = null;
  private checkedAt = -Infinity;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    readonly key: string,
    private readonly maxAgeMs: number,
    /** called when another writer moved the version since the last check */
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** true when the version was compared less than maxAgeMs ago (then the copy may be used as it is). */
  isFresh(): boolean {
    return this.now() - this.checkedAt < this.maxAgeMs;
  }

  /**
   * Compares with the database unless that happened within maxAgeMs; concurrent callers share one read.
   * A failed read leaves the copy as it is (the caller's own TTL still bounds it) and is tried again next time.
   */
  check(): Promise<void> {
    if (this.isFresh()) return Promise.resolve();
    this.inFlight ??= (async () => {
      const started = this.now();
      try {
        const version = await readDataVersion(this.db, this.key);
        if (this.seen !== null && version !== this.seen) this.onChange();
        this.seen = version;
        this.checkedAt = started;
      } catch {
        /* database away: try again on the next call */
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /** After this instance's own change (its copy already dropped): tell the other instances. */
  async bump(db: Db | Tx = this.db): Promise<void> {
    await bumpDataVersion(db, this.key);
    this.checkedAt = -Infinity; // the next check reads the new number (and sees any other writer's too)
  }
}
