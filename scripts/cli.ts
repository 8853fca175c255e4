/** Shared bits for the npm run org / kaart / poll command-line tools. */
import fs from 'node:fs';
import { loadConfig } from '../src/config';
import { decodeUpload } from '../src/csv/decode';
import type { Db } from '../src/db/client';
import { openDatabase as openStore } from '../src/db/open';
import { t } from '../src/i18n';
import { oneLine } from '../src/startupFailures';

/** The store the bot uses: DATABASE_URL (PostgreSQL) when set, else DATA_DIR's embedded database; migrated. */
export async function openDatabase(): Promise<Db> {
  return (await openStore(loadConfig())).db;
}

/**
 * An uploaded CSV as text: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252 (Dutch Excel);
 * a file that cannot be decoded is refused with its line, and nothing is changed.
 */
export function readUpload(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    fail(`Kan ${file} niet lezen.`);
  }
  const decoded = decodeUpload(bytes);
  if (!decoded.ok) fail(`${file}: 1 fout, er is niets gewijzigd:\n  regel ${decoded.line}: ${t('nl', decoded.code, decoded.params)}`);
  return decoded.text;
}

/**
 * An unexpected error as one line for the operator: never Prisma's multi-line text, which quotes the query,
 * its arguments (names, notes) and a source location. A database error shows its code only.
 */
export function failureLine(err: unknown): string {
  const e = err as { name?: string; code?: unknown };
  if ((typeof e?.code === 'string' && /^P\d{4}$/.test(e.code)) || e?.name?.startsWith('PrismaClient')) {
    return `databasefout (${typeof e.code === 'string' ? e.code : e.name})`;
  }
  return oneLine(err);
}

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
