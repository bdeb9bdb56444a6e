/**
 * Which sources the build compiles, and whether build/ is older than any of them. Shared by the
 * build (scripts/build.mjs) and the `amity` command (bin/amity.mjs), which must agree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC_DIR = join(ROOT, 'src');
export const BUILD_DIR = join(ROOT, 'build');
export const STAMP_FILE = join(BUILD_DIR, 'stamp.json');

/** TypeScript modules under src/, without tests and declarations. */
export function listSources() {
  return readdirSync(SRC_DIR, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(SRC_DIR, file));
}

/** What the build saw: how many sources, and the newest modification time among them. */
export function describeSources(files = listSources()) {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return { files: files.length, newestSource: newest };
}

/**
 * True when build/ holds a compilation of the sources as they are now: none was changed, added or
 * removed since. A clone without a build, or a source edited after it, gives false.
 */
export function isBuildCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return false;
  }
  const now = describeSources();
  return now.files === stamp.files && now.newestSource <= stamp.newestSource;
}
