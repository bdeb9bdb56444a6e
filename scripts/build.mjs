#!/usr/bin/env node
/**
 * Compiles the server, the command line and the shared code (src/**.ts, tests left out) to plain
 * JavaScript in build/, one file per source, so that `bin/amity.mjs` starts without transpiling.
 * build/ mirrors src/ at the same depth (src/server/db → build/server/db), so every path a module
 * computes from its own location (../../../data, ../../../dist/web) holds in both trees.
 * Run by `npm ci` (the prepare script) and by `npm run build`; takes well under a second.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { build } from 'esbuild';
import { BUILD_DIR, describeSources, listSources, ROOT, SRC_DIR, STAMP_FILE } from './sources.mjs';

const started = performance.now();
const sources = listSources();
// Read before compiling: a source saved during the build then counts as newer than the build.
const stamp = describeSources(sources);
rmSync(BUILD_DIR, { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: BUILD_DIR,
  outbase: SRC_DIR,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
writeFileSync(STAMP_FILE, `${JSON.stringify(stamp)}\n`);
const ms = Math.round(performance.now() - started);
console.log(`compiled ${sources.length} modules to ${relative(ROOT, BUILD_DIR)}/ in ${ms} ms`);
