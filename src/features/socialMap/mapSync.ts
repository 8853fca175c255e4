/**
 * Keeps the in-memory map current with the table when someone else writes: `npm run kaart -- import` in
 * another process, or another bot instance (several instances share one PostgreSQL database). Before a
 * lookup answers, `sync()` reads the data version (one row, SocialMapVersion); only when it moved are the
 * rows stamped after what this process has seen read, page by page, and applied. So an import is visible
 * to the very next lookup, with no signal between processes, and an unchanged map costs one small read.
 *
 * Concurrent lookups share the read (FreshRead): each waits for a read that began after it arrived, so it
 * sees every write committed before it asked, yet a burst of lookups makes one or two reads, not one each.
 * Why versions and not `updatedAt`: a long transaction stamps its rows when it starts and commits later,
 * so "changed since my last look" by time misses rows; a version taken under the version row's write lock
 * commits in order (see repository.bumpMapVersion).
 */
import type { Db } from '../../db/client';
import type { PreparedSqlite } from '../../db/preparedSqlite';
import { FreshRead } from '../../db/freshRead';
import { CHANGE_PAGE, partnersChangedAfter, readMapVersion, readMapVersionFast } from './repository';
import type { Partner } from './types';

export class MapSync {
  /** Every row up to this change stamp (and, within `cursor.seq`, up to `cursor.id`) has been applied. */
  private cursor: { seq: number; id: string | null } = { seq: 0, id: null };
  private seenVersion = 0;
  private readonly fresh = new FreshRead<'map', number>(() => this.catchUp());
  /** How the data version was read before lookups: the fast lane, or Prisma (tests read it). */
  readonly versionReads = { fast: 0, fallback: 0 };

  constructor(
    private readonly deps: {
      db: Db;
      apply: (changed: Partner[]) => void;
      /** the embedded database's fast lane for the version read; Prisma when absent or unavailable */
      lane?: PreparedSqlite;
    },
  ) {}

  /**
   * Call right before loading the whole table: rows up to the version read here are in that load
   * (committed before it), and anything later is picked up by the next `sync()`.
   */
  async beginLoad(): Promise<void> {
    const version = await readMapVersion(this.deps.db);
    this.seenVersion = version;
    this.cursor = { seq: version, id: null };
  }

  /** Applies whatever was written since the last look; resolves with the number of rows applied. */
  sync(): Promise<number> {
    return this.fresh.get('map');
  }

  /** The data version now: the prepared statement when it can answer at once, else through Prisma. */
  private async readVersion(): Promise<number> {
    const fast = this.deps.lane ? readMapVersionFast(this.deps.lane) : undefined;
    this.versionReads[fast === undefined ? 'fallback' : 'fast']++;
    return fast ?? readMapVersion(this.deps.db);
  }

  private async catchUp(): Promise<number> {
    const version = await this.readVersion();
    if (version <= this.seenVersion) return 0;
    let applied = 0;
    for (;;) {
      const page = await partnersChangedAfter(this.deps.db, this.cursor, CHANGE_PAGE);
      if (page.length) {
        this.deps.apply(page.map((r) => r.partner));
        const last = page[page.length - 1]!;
        this.cursor = { seq: last.seq, id: last.partner.id };
        applied += page.length;
      }
      if (page.length < CHANGE_PAGE) break;
      // a 100,000-row import arrives in pages: let other turns run between them
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.seenVersion = Math.max(version, this.cursor.seq);
    return applied;
  }
}
