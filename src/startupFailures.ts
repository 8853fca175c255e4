/**
 * Why the bot could not start, in one line that names the cause and the setting to change: an operator
 * reading `npm start` output (or a container log) sees what to do, not a stack or Prisma's multi-line text.
 * Each function turns a low-level error into a ConfigError (printed as-is by index.ts) or returns null
 * when it does not recognise it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** DATA_DIR must exist (or be creatable) and be writable, and so must an existing database file. */
export function checkDataDir(dataDir: string, databaseFile: string): void {
  const refuse = (what: string, err: unknown) =>
    new ConfigError(`DATA_DIR ${dataDir} ${what} (${codeOf(err) ?? (err as Error).message}): geef de gebruiker van Wijkbot schrijfrecht of kies een andere DATA_DIR.`);
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) throw refuse('is een bestand, geen map', { code: 'ENOTDIR' });
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw refuse('kan niet worden aangemaakt', err);
  }
  const probe = path.join(dataDir, `.schrijftest-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
  } catch (err) {
    throw refuse('is niet schrijfbaar', err);
  } finally {
    fs.rmSync(probe, { force: true });
  }
  if (fs.existsSync(databaseFile)) {
    try {
      fs.accessSync(databaseFile, fs.constants.R_OK | fs.constants.W_OK);
    } catch (err) {
      throw new ConfigError(`De database ${databaseFile} is niet schrijfbaar (${codeOf(err)}): geef de gebruiker van Wijkbot schrijfrecht, of kies een andere DATA_DIR.`);
    }
  }
}

/** Opening, tuning or migrating the embedded database failed. */
export function databaseFailure(err: unknown, databaseFile: string): ConfigError | null {
  const text = `${codeOf(err) ?? ''} ${(err as Error)?.message ?? ''}`;
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database|malformed/i.test(text)) {
    return new ConfigError(`${databaseFile} is geen (gave) SQLite-database: zet een back-up terug, of kies een andere DATA_DIR voor een nieuwe database.`);
  }
  if (/SQLITE_READONLY|readonly database/i.test(text)) {
    return new ConfigError(`De database ${databaseFile} is alleen-lezen: geef de gebruiker van Wijkbot schrijfrecht op het bestand en DATA_DIR, of kies een andere DATA_DIR.`);
  }
  if (/SQLITE_CANTOPEN|unable to open database/i.test(text)) {
    return new ConfigError(`De database ${databaseFile} kan niet worden geopend: controleer DATA_DIR en de rechten erop.`);
  }
  if (/SQLITE_FULL|ENOSPC|database or disk is full/i.test(text)) {
    return new ConfigError(`De schijf van DATA_DIR (${path.dirname(databaseFile)}) is vol: maak ruimte vrij of kies een andere DATA_DIR.`);
  }
  return null;
}

/** The HTTP server could not listen. */
export function listenFailure(err: unknown, port: number, host: string): ConfigError {
  switch (codeOf(err)) {
    case 'EADDRINUSE':
      return new ConfigError(`Poort ${port} op ${host} is al in gebruik (EADDRINUSE): stop het andere programma of kies een andere PORT.`);
    case 'EACCES':
      return new ConfigError(`Geen recht om poort ${port} te openen (EACCES): kies een PORT boven 1023.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError(`HOST ${host} is geen adres van deze machine (${codeOf(err)}): kies een ander HOST, bijvoorbeeld 127.0.0.1 of 0.0.0.0.`);
    default:
      return new ConfigError(`Wijkbot kon niet luisteren op ${host}:${port} (${codeOf(err) ?? oneLine(err)}): controleer PORT en HOST.`);
  }
}

/** The first line of an unrecognised error, without a stack: the last-resort start-up message. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n').map((l) => l.trim()).find(Boolean) ?? 'onbekende fout';
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}
