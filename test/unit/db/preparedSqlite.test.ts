/**
 * The fast lane's promises (src/db/preparedSqlite.ts), on a real SQLite file with a second connection
 * standing in for Prisma's: a unit of work commits or rolls back as a whole; when the lock is taken it
 * answers undefined at once and leaves nothing behind (the caller then takes its Prisma path); a refused
 * row does not switch the lane off for later calls; without a file it never answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { PreparedSqlite } from '../../../src/db/preparedSqlite';

let dir: string;
let file: string;
let other: Database.Database;
let lane: PreparedSqlite;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-fastlane-'));
  file = path.join(dir, 'x.db');
  other = new Database(file);
  other.pragma('journal_mode = WAL');
  other.exec('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  lane = new PreparedSqlite(file);
});

afterEach(() => {
  lane.close();
  other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = () => other.prepare('SELECT k, n FROM t ORDER BY k').all();

test('a unit of work keeps all its writes, or none of them when it decides to roll back', () => {
  expect(lane.transaction((s) => {
    s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'a', 1);
    s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'b', 2);
    return { commit: true, result: 'kept' };
  })).toBe('kept');
  expect(lane.transaction((s) => {
    s.run('UPDATE t SET n = n + 10');
    return { commit: false, result: s.get<{ n: number }>('SELECT n FROM t WHERE k = ?', 'a')!.n };
  })).toBe(11); // it saw its own write, which was then undone
  expect(rows()).toEqual([{ k: 'a', n: 1 }, { k: 'b', n: 2 }]);
});

test('while another connection holds the write lock it answers undefined at once and writes nothing; afterwards it works again', () => {
  other.exec('BEGIN IMMEDIATE');
  const started = Date.now();
  expect(lane.transaction((s) => ({ commit: true, result: s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'a', 1) }))).toBeUndefined();
  expect(lane.single((s) => s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'a', 1))).toBeUndefined();
  expect(Date.now() - started).toBeLessThan(1000); // no busy wait on the event loop
  other.exec('COMMIT');
  expect(rows()).toEqual([]);
  expect(lane.single((s) => s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'a', 1).changes)).toBe(1);
  expect(lane.counts).toEqual({ fast: 1, fallback: 2 });
});

test('a statement that fails half-way rolls back the whole unit; a refused row leaves the lane on, a broken statement switches it off', () => {
  other.exec("INSERT INTO t (k, n) VALUES ('a', 1)");
  expect(lane.transaction((s) => {
    s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'b', 2);
    s.run('INSERT INTO t (k, n) VALUES (?, ?)', 'a', 3); // primary key: refused
    return { commit: true, result: 'never' };
  })).toBeUndefined();
  expect(rows()).toEqual([{ k: 'a', n: 1 }]);
  expect(lane.single((s) => s.get<{ n: number }>('SELECT COUNT(*) AS n FROM t')!.n)).toBe(1);

  expect(lane.single((s) => s.run('INSERT INTO nowhere VALUES (1)'))).toBeUndefined();
  expect(lane.single((s) => s.get('SELECT 1 AS one'))).toBeUndefined(); // off for good: the Prisma path decides
});

test('without an SQLite file (PostgreSQL) it never answers', () => {
  const none = new PreparedSqlite(null);
  expect(none.transaction(() => ({ commit: true, result: 1 }))).toBeUndefined();
  expect(none.single(() => 1)).toBeUndefined();
});
