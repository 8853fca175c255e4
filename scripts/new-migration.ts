/**
 * Author a migration for ONE schema file: `npm run db:migration -- <file> <name>`, e.g.
 * `npm run db:migration -- polls add_poll_tables`.
 *
 * Why this shape: `prisma migrate dev` does not work with the offline WebAssembly engine, and diffing
 * against migrations re-emits indexes. Each file in prisma/schema/
 * is self-contained (features keep ids of foundation rows as plain columns, not Prisma relations), so a
 * migration is the schema-to-schema diff of that one file: its committed version (git HEAD) → the
 * working copy, each next to base.prisma. Features can then evolve their tables independently.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [file, name] = process.argv.slice(2);
if (!file || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Gebruik: npm run db:migration -- <schemabestand zonder .prisma> <naam_in_snake_case>');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const schemaDir = path.join(root, 'prisma', 'schema');
const base = fs.readFileSync(path.join(schemaDir, 'base.prisma'), 'utf8');
const current = fs.readFileSync(path.join(schemaDir, `${file}.prisma`), 'utf8');
let committed = '';
try {
  committed = execFileSync('git', ['show', `HEAD:prisma/schema/${file}.prisma`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
} catch {
  committed = ''; // a new file: diff from empty
}

function schemaFolder(label: string, body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wijkbot-${label}-`));
  fs.writeFileSync(path.join(dir, 'base.prisma'), base);
  fs.writeFileSync(path.join(dir, `${file}.prisma`), body);
  return dir;
}
const fromArgs = committed ? ['--from-schema-datamodel', schemaFolder('from', committed)] : ['--from-empty'];
const to = schemaFolder('to', current);
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', to, '--script'],
  // the CLI opens the adapter's database even for a schema-to-schema diff: give it a scratch file
  { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_FILE: path.join(os.tmpdir(), `wijkbot-diff-${process.pid}.db`) } },
);
if (!/CREATE|ALTER|DROP/.test(sql)) {
  console.log(`Geen wijzigingen in prisma/schema/${file}.prisma ten opzichte van de laatste commit.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
const dir = path.join(root, 'prisma', 'migrations', `${stamp}_${file}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Nieuwe migratie: ${path.relative(root, dir)}/migration.sql`);
// and its PostgreSQL twin of the same name (prisma/migrations-pg), diffed from the committed snapshot
import('./pg/twin-migrations').then(({ writeTwinMigrations }) => writeTwinMigrations()).catch((err: Error) => {
  console.error(`De PostgreSQL-tweeling is niet geschreven (${err.message}); probeer: npm run db:migration:pg`);
  process.exit(1);
});
