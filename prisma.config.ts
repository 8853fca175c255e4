import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaLibSQL } from '@prisma/adapter-libsql';

// engine 'js' + a driver adapter: the CLI uses the bundled WebAssembly schema engine, so nothing is
// downloaded (see ../shared/docs/prisma-offline.md). DATABASE_FILE lets scripts point at another file.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    const file = process.env.DATABASE_FILE ?? path.join(process.env.DATA_DIR ?? './data', 'wijkbot.db');
    fs.mkdirSync(path.dirname(file), { recursive: true }); // libsql cannot create the folder itself
    return new PrismaLibSQL({ url: `file:${file}` });
  },
});
