/**
 * Prisma client factory. The embedded database is SQLite through the libsql driver adapter (Rust-free
 * Prisma, nothing downloaded; see ../shared/docs/prisma-offline.md). Application code only uses Prisma's
 * query API, so the same code runs on PostgreSQL through @prisma/adapter-pg.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
/** The client handed to code inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export function createDb(databaseFile: string): Db {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${databaseFile}` }) });
}

/** Prisma's unique-constraint violation: the database's answer to a repeated click or a redelivery. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
