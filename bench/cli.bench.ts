/**
 * `npm run bench:cli`: how long the `amity` command takes, as whole processes (node bin/amity.mjs,
 * the compiled build), medians of --runs runs (default 5), side by side with their targets:
 * - `amity --help` (target ≤ 0.3 s);
 * - `amity demo` until its first answer to GET /healthz (target ≤ 10 s);
 * - `amity figures --scope 430000 --as-of 2024-11-28` on the database the demo made, beside a bare
 *   Node process that opens the same database with PGlite and runs one query (bench/bare-open.mjs;
 *   target: figures ≤ 1.5× that).
 * The build is brought up to date first (scripts/build.mjs), so the figures are those of `npm ci`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/amity.mjs');
const PORT = 3990;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Seconds from spawning the process to its exit (which must be 0). */
function timeProcess(argv: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return (performance.now() - started) / 1000;
}

async function waitForAnswer(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`amity demo exited with ${child.exitCode} before answering`);
    try {
      const response = await fetch(url);
      if (response.ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Seconds from spawning `amity demo` to its first answer; then stops it and waits for its exit. */
async function timeDemo(dbDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, '--db', dbDir, 'demo', '--port', String(PORT)], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, AMITY_LOG_LEVEL: 'warn' },
  });
  try {
    return await waitForAnswer(`http://127.0.0.1:${PORT}/healthz`, child, started);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const build = execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
console.log(`${build.trim()}; ${cpus().length} cores; medians of ${RUNS} runs`);
const dir = mkdtempSync(join(tmpdir(), 'amity-bench-cli-'));
const dbDir = join(dir, 'demo');
try {
  const help: number[] = [];
  const demo: number[] = [];
  const figures: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) help.push(timeProcess([BIN, '--help']));
  for (let i = 0; i < RUNS; i++) demo.push(await timeDemo(dbDir));
  // Alternated, so that a busy moment of the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    figures.push(timeProcess([BIN, '--db', dbDir, 'figures', '--scope', '430000', '--as-of', '2024-11-28']));
    bare.push(timeProcess([join(ROOT, 'bench/bare-open.mjs'), dbDir]));
  }
  const row = (name: string, values: number[], target: string) =>
    `${name.padEnd(46)} ${median(values).toFixed(2).padStart(6)} s  (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})  ${target}`;
  const ratio = median(figures) / median(bare);
  console.log(row('amity --help', help, 'target ≤ 0.30 s'));
  console.log(row('amity demo, until its first answer', demo, 'target ≤ 10 s'));
  console.log(row('bare PGlite open + one query (same database)', bare, ''));
  console.log(row('amity figures --scope 430000', figures, `${ratio.toFixed(2)}× the bare open; target ≤ 1.5×`));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
