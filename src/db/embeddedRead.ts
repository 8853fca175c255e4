/**
 * One small read on the embedded database without Prisma: a statement prepared once on a libsql
 * connection of its own. For reads on every turn whose answer must be current (the social map's data
 * version before each lookup): through Prisma such a one-row read cost ~1-1.5 ms of a lookup turn
 * (measured with node --cpu-prof over the lookup bench: the query compiler, @libsql/client preparing the
 * statement on every call, and several promise hops), where SQLite answers it in well under 0.1 ms.
 *
 * Same database file, same committed data: in WAL mode every statement outside a transaction reads the
 * newest commit, whichever connection or process made it. The connection never waits (busy_timeout 0):
 * when it cannot read at once, or anything else goes wrong, `get` says UNAVAILABLE and the caller asks
 * through Prisma as before (a failure other than a passing lock stops the fast path for good). Without an
 * SQLite file (PostgreSQL) there is only the Prisma path.
 */
import Database from 'libsql';

export const UNAVAILABLE: unique symbol = Symbol('embedded read unavailable');

export class EmbeddedRead<R> {
  private connection: Database.Database | null = null;
  private statement: Database.Statement | null = null;
  private broken = false;
  /** how often each path was taken (tests and the bench read it) */
  readonly counts = { fast: 0, fallback: 0 };

  constructor(
    private readonly sqliteFile: string | null,
    private readonly sql: string,
  ) {}

  /** The first row (undefined when there is none), or UNAVAILABLE: then read through Prisma. */
  get(...params: unknown[]): R | undefined | typeof UNAVAILABLE {
    if (!this.sqliteFile || this.broken) {
      this.counts.fallback++;
      return UNAVAILABLE;
    }
    try {
      if (!this.statement) {
        this.connection = new Database(this.sqliteFile);
        this.connection.pragma('busy_timeout = 0');
        this.statement = this.connection.prepare(this.sql);
      }
      const row = this.statement.get(...(params as never[])) as R | undefined;
      this.counts.fast++;
      return row;
    } catch (err) {
      // not a passing lock (a missing table, a closed file): stop trying, the Prisma path still answers
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') {
        this.broken = true;
        this.close();
      }
      this.counts.fallback++;
      return UNAVAILABLE;
    }
  }

  close(): void {
    try {
      this.connection?.close();
    } catch {
      /* already closed */
    }
    this.connection = null;
    this.statement = null;
  }
}
