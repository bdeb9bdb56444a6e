#!/usr/bin/env node
// The `amity` command. Runs the JavaScript that `npm ci` compiled to build/ (scripts/build.mjs);
// when a source is newer than that build (an edit, a checkout), it runs the TypeScript sources
// through tsx instead, which is slower to start but never runs stale code.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, isBuildCurrent } from '../scripts/sources.mjs';

if (isBuildCurrent()) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(BUILD_DIR, 'cli/main.js')).href);
} else {
  if (process.stderr.isTTY) {
    console.error('amity: src/ changed since the last build; running the sources (npm run build to start fast)');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
