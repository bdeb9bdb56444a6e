/**
 * One process at a time on an embedded database. PGlite runs PostgreSQL inside the process that
 * opened it, with nothing to stop a second process from opening the same data directory and
 * corrupting it; so every open takes `amity.lock` in the directory first: a file created
 * exclusively, holding the pid, the start time and the command of its holder. A lock whose holder
 * is gone (killed, crashed, or its pid now another program's) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'amity.lock';

export type LockHolder = {
  pid: number;
  /** The holder's start in clock ticks since boot (Linux), so a reused pid is told apart. */
  startTicks: string | null;
  host: string;
  command: string;
  since: string;
};

/** Refusal to open a data directory another live process holds; the message says what to do. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        'An embedded database serves one process at a time: stop that process first, or work through its API ' +
        'while it serves, or set DATABASE_URL to a PostgreSQL server, which many processes can share.',
    );
    this.name = 'DatabaseInUseError';
  }
}

type ProcStat = { state: string; startTicks: string };

/** Fields 3 (state) and 22 (start time) of /proc/PID/stat; undefined where there is no /proc. */
function procStatOf(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTicks: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // a shared disk: another host's process cannot be checked
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStatOf(holder.pid);
  if (!stat) return true;
  // A zombie has exited (its parent has not reaped it yet); a different start time is a reused pid.
  return stat.state !== 'Z' && (holder.startTicks === null || stat.startTicks === holder.startTicks);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined; // gone meanwhile, or half written by a holder that died writing it
  }
}

/**
 * A lock file without a holder in it: one being written by a process starting this very moment
 * (counted as held for 5 s), or left by one that died writing it (stale).
 */
function unreadableHolder(path: string): LockHolder | undefined {
  try {
    const { mtime } = statSync(path);
    if (Date.now() - mtime.getTime() > 5000) return undefined;
    return { pid: 0, startTicks: null, host: 'starting', command: 'a process starting', since: mtime.toISOString() };
  } catch {
    return undefined;
  }
}

/** Throws DatabaseInUseError when a live process holds the data directory (before deleting it). */
export function assertDataDirFree(dataDir: string): void {
  const holder = readHolder(join(resolve(dataDir), LOCK_FILE));
  if (holder && isAlive(holder)) throw new DatabaseInUseError(dataDir, holder);
}

export function describeCommand(argv = process.argv): string {
  const script = argv[1]?.endsWith('amity.mjs') ? 'amity' : (argv[1]?.split('/').pop() ?? 'node');
  return [script, ...argv.slice(2)].join(' ');
}

export type DataDirLock = { release(): void };

/**
 * Takes the lock of a data directory (which must exist), or throws DatabaseInUseError naming the
 * live holder. Released by release() and, failing that, when the process exits.
 */
export function lockDataDir(dataDir: string, command = describeCommand()): DataDirLock {
  const path = join(resolve(dataDir), LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    startTicks: procStatOf(process.pid)?.startTicks ?? null,
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = readHolder(path) ?? unreadableHolder(path);
    if (holder && isAlive(holder)) throw new DatabaseInUseError(dataDir, holder);
    // Stale: moved aside under a name of our own (of two processes taking it over, one rename wins).
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      rmSync(`${path}.stale-${process.pid}`, { force: true });
    } catch {
      // another process took it over first: try again, and find its lock
    }
  }
  const release = () => {
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}
