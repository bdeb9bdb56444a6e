/**
 * `amity ARGS` run inside the test's process, for tests of what a command does rather than of the
 * process: the same program, options and error lines as bin/amity.mjs (runProgram), with stdout,
 * stderr and the exit code captured instead of a new Node process, its module loading and its
 * database start (a second or more for each command). Runs one at a time: the output is captured
 * from the process's console and streams.
 */
import { Readable } from 'node:stream';
import { format } from 'node:util';
import { runProgram } from '../program.js';

export type AmityRun = { code: number; stdout: string; stderr: string; out: string };

export type AmityRunOptions = {
  /** What the command reads on stdin (e.g. --password-stdin); an empty stream when unset. */
  input?: string;
  /** Environment variables for this run; '' unsets one (DATABASE_URL: '' → the embedded database). */
  env?: Record<string, string>;
};

let queue: Promise<unknown> = Promise.resolve();

export function runAmity(args: string[], options: AmityRunOptions = {}): Promise<AmityRun> {
  const run = queue.then(() => runCaptured(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runCaptured(args: string[], { input = '', env = {} }: AmityRunOptions): Promise<AmityRun> {
  let stdout = '';
  let stderr = '';
  let out = '';
  const toOut = (text: string) => {
    stdout += text;
    out += text;
  };
  const toErr = (text: string) => {
    stderr += text;
    out += text;
  };
  const saved = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    exitCode: process.exitCode,
    env: Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]])),
  };
  const line =
    (to: (text: string) => void) =>
    (...parts: unknown[]) =>
      to(`${format(...parts)}\n`);
  const writer = (to: (text: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      to(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  console.log = line(toOut);
  console.info = line(toOut);
  console.warn = line(toErr);
  console.error = line(toErr);
  process.stdout.write = writer(toOut);
  process.stderr.write = writer(toErr);
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(input)]), configurable: true });
  process.exitCode = undefined;
  for (const [key, value] of Object.entries(env)) {
    if (value === '') delete process.env[key];
    else process.env[key] = value;
  }
  try {
    const code = (await runProgram(args)) ?? Number(process.exitCode ?? 0);
    return { code, stdout, stderr, out };
  } finally {
    console.log = saved.log;
    console.info = saved.info;
    console.warn = saved.warn;
    console.error = saved.error;
    process.stdout.write = saved.stdoutWrite;
    process.stderr.write = saved.stderrWrite;
    if (saved.stdin) Object.defineProperty(process, 'stdin', saved.stdin);
    process.exitCode = saved.exitCode;
    for (const [key, value] of Object.entries(saved.env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
