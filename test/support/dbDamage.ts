import fs from 'node:fs';

/**
 * Overwrites pages first..last (1-based) of a SQLite file, as a failing disk or a stray write would. In a
 * freshly migrated Wijkbot database pages 3–6 hold _prisma_migrations' index and the WijkGroup and Person
 * tables (the case the hardening run found).
 */
export function overwritePages(file: string, first: number, last: number, pageSize = 4096): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const junk = Buffer.alloc((last - first + 1) * pageSize, 0x5a);
    fs.writeSync(fd, junk, 0, junk.length, (first - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}
