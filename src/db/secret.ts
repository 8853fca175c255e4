import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';

/**
 * Shorter than this and the links and ballot keys signed with it are guessable. An empty secret.key (a
 * first start on a full disk left one behind once) would sign every .ics and export link with "".
 */
export const MIN_SECRET_BYTES = 32;

export const SECRET_FILE = 'secret.key';

/**
 * The secret behind unguessable links (.ics, poll exports) and anonymous-poll ballots. From APP_SECRET when
 * set (several instances must share it); otherwise generated once into DATA_DIR, readable by the bot's user
 * only. A secret that is too short stops the start with one line saying what to do: generating a new one
 * silently would change every anonymous ballot key (people could vote again in open polls) and every link.
 */
export function loadOrCreateSecret(dataDir: string, configured?: string): string {
  if (configured !== undefined) {
    const bytes = Buffer.byteLength(configured, 'utf8');
    if (bytes < MIN_SECRET_BYTES) {
      throw new ConfigError(`Ongeldige configuratie: APP_SECRET is ${bytes} bytes, minstens ${MIN_SECRET_BYTES} nodig; kies een willekeurige waarde, bijvoorbeeld uit \`openssl rand -hex 32\`.`);
    }
    return configured;
  }
  const file = path.join(dataDir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  try {
    createSecretFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      throw new ConfigError(`Kan het geheim ${file} niet schrijven (${code ?? (err as Error).message}): maak DATA_DIR schrijfbaar en zorg voor vrije schijfruimte, of zet APP_SECRET.`);
    }
  }
  return readSecret(file)!; // ours, or the one another process linked into place first
}

/** The file's secret, undefined when there is no file; a file that is too short stops the start. */
function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Kan het geheim ${file} niet lezen (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): geef de gebruiker van Wijkbot leesrecht, of zet APP_SECRET.`);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `Het geheim in ${file} is ${bytes} bytes, minstens ${MIN_SECRET_BYTES} nodig: zet het bestand terug uit een back-up of zet APP_SECRET; ` +
        'verwijder het alleen als er geen anonieme peiling open is (Wijkbot maakt dan een nieuw geheim, oude links vervallen).',
    );
  }
  return text;
}

/**
 * Written under a private name, flushed to disk, then linked into place: a full disk or a crash leaves no
 * half-written secret.key behind, and linking (unlike a rename) never replaces a secret that another
 * process created meanwhile (EEXIST: the caller reads that one).
 */
function createSecretFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, randomBytes(32).toString('hex'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
