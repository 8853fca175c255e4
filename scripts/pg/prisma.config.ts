import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The Prisma CLI for the PostgreSQL twin of the schema (see scripts/pg/schema.ts): `prisma generate` of the
// second client, and `prisma migrate diff` when authoring PostgreSQL migrations. The schema engine opens
// the adapter's database even for a schema-to-schema diff, so the authoring script passes a throwaway
// cluster in PG_DIFF_URL. Migrations are applied by src/db/pgMigrations.ts, not by `migrate deploy`.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, '..', '..', 'src', 'generated', 'pg-schema'),
  migrations: { path: path.join(__dirname, '..', '..', 'prisma', 'migrations-pg') },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.PG_DIFF_URL ?? 'postgresql://127.0.0.1:1/none' });
  },
});
