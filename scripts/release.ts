/**
 * Stages what a server needs, from a checkout where `npm run build` ran, into an empty folder:
 *   npm run build && npm run release -- <map>
 *   cd <map> && npm ci --omit=dev      (on the build machine or the server: production dependencies only)
 *   node dist/src/index.js             (the start: no build, no dev tools)
 *
 * In it: the built bot (dist/), what it reads at run time (cards/, prisma/ migrations and schema,
 * prisma.config.ts for `prisma migrate deploy`), the lock file, and the TypeScript sources of the
 * operator tools (`npm run backup|restore|audit|org|kaart|poll`, run by tsx, a production dependency;
 * `npm ci` also runs the postinstall: prisma generate and the migrated database template).
 * Not in it: tests, benchmarks, node_modules, data.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Top-level entries copied as they are (folders whole, minus EXCLUDED). */
export const RELEASE_ENTRIES = ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'prisma.config.ts', 'README.md', 'docs', 'cards', 'prisma', 'src', 'scripts', 'dist'];
/** Generated or development-only parts of those folders. */
const EXCLUDED = new Set(['src/generated', 'scripts/bench', 'dist/test', 'dist/scripts']);

export class ReleaseError extends Error {}

/** `dist` is the build output to take (default: the checkout's dist/, as `npm run build` writes it). */
export function stageRelease(target: string, root = ROOT, dist = path.join(root, 'dist')): string[] {
  if (!fs.existsSync(path.join(dist, 'src', 'index.js'))) throw new ReleaseError('Geen build gevonden (dist/src/index.js): eerst npm run build.');
  const dir = path.resolve(target);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new ReleaseError(`${dir} is niet leeg; kies een lege of nieuwe map.`);
  fs.mkdirSync(dir, { recursive: true });
  const copied: string[] = [];
  for (const entry of RELEASE_ENTRIES) {
    const from = entry === 'dist' ? dist : path.join(root, entry);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(dir, entry), {
      recursive: true,
      filter: (src) => {
        const rel = path.join(entry, path.relative(from, src)).split(path.sep).join('/');
        return !EXCLUDED.has(rel) && !/\.(db|db-wal|db-shm|tsbuildinfo)$/.test(src);
      },
    });
    copied.push(entry);
  }
  return copied;
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) {
    console.error('Gebruik: npm run build && npm run release -- <lege map>');
    process.exit(2);
  }
  try {
    const copied = stageRelease(target);
    console.log(`Klaargezet in ${path.resolve(target)}: ${copied.join(', ')}. Daarna: cd ${target} && npm ci --omit=dev && node dist/src/index.js`);
  } catch (err) {
    console.error(err instanceof ReleaseError ? err.message : `Mislukt: ${(err as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
}
