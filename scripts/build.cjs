#!/usr/bin/env node
/**
 * Keeps dist/ (what `npm start` runs) in step with src/ without making every start pay for the TypeScript
 * compiler (loading it and checking an up-to-date build took 1-15 s on a loaded machine; issue 11).
 *
 *   node scripts/build.cjs install   postinstall: build once, so `npm install && npm start` starts at once.
 *                                    Skipped where TypeScript is not installed (a release installed with
 *                                    `npm ci --omit=dev` ships its dist/ already built).
 *   node scripts/build.cjs start     prestart: a cheap check (file times, a few ms) that dist/ was built
 *                                    after every source changed (a `git pull`, an edit); only then `tsc -b`
 *                                    compiles what changed, and a source that does not compile stops the
 *                                    start instead of letting the old dist run silently.
 *
 * Stale means: a file under src/, or a tsconfig, is newer than dist/.tsbuildinfo (the record `tsc -b`
 * keeps of the last build). A removed source is not noticed (its old output is never imported).
 * Plain JavaScript with no dependencies, so the check itself costs only node's own start.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUILD_INFO = path.join(ROOT, 'dist', '.tsbuildinfo');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');

/** The newest modification time among the sources and build settings, and the file that has it. */
function newestSource() {
  let newest = { file: null, mtimeMs: 0 };
  const consider = (file) => {
    const { mtimeMs } = fs.statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|js|json|mjs|cjs)$/.test(entry.name)) consider(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json']) if (fs.existsSync(path.join(ROOT, f))) consider(path.join(ROOT, f));
  return newest;
}

/** Why dist/ must be rebuilt before it runs, or null when it is current. */
function staleReason() {
  if (!fs.existsSync(ENTRY) || !fs.existsSync(BUILD_INFO)) return 'no build yet';
  const built = fs.statSync(BUILD_INFO).mtimeMs;
  const newest = newestSource();
  return newest.mtimeMs > built ? `${path.relative(ROOT, newest.file)} changed since the last build` : null;
}

/**
 * The compiler, when this is a development install. A production install (`npm ci --omit=dev`) can still
 * hold a `typescript` some dependency brought along, but not the type packages the build needs: it runs
 * the dist/ it was shipped with.
 */
function typescriptInstalled() {
  const omitted = `${process.env.npm_config_omit ?? ''}`.split(/[\s,]+/).includes('dev');
  if (omitted) return null;
  try {
    require.resolve('@types/node/package.json', { paths: [ROOT] });
    return require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    return null;
  }
}

/** `tsc -b` (incremental: compiles what changed); exits with its status when it fails. */
function build(tsc) {
  const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('wijkbot: the build failed (see above); the bot does not start with an old build.');
    process.exit(r.status ?? 1);
  }
  // tsc -b leaves its record untouched when a newer source turned out to be unchanged; mark the check done
  const now = new Date();
  fs.utimesSync(BUILD_INFO, now, now);
}

const mode = process.argv[2];
if (mode === 'install') {
  const tsc = typescriptInstalled();
  if (!tsc) {
    console.log('wijkbot: TypeScript not installed (production install); using the dist/ that was shipped');
  } else if (staleReason()) {
    build(tsc);
    console.log('wijkbot: built dist/ (npm start runs it without compiling)');
  }
} else if (mode === 'start') {
  const reason = staleReason();
  if (reason) {
    const tsc = typescriptInstalled();
    if (!tsc) {
      // a production install (npm ci --omit=dev) runs the dist/ it was shipped with; it cannot build one
      if (fs.existsSync(ENTRY)) process.exit(0);
      console.error('wijkbot: no build (dist/src/index.js) and TypeScript is not installed here: run npm run build where it is.');
      process.exit(1);
    }
    console.log(`wijkbot: ${reason}: compiling before the start`);
    build(tsc);
  }
} else {
  console.error('usage: node scripts/build.cjs install|start');
  process.exit(2);
}
