/**
 * Several server processes on one PostgreSQL database (`amity serve --workers N`). The primary
 * process, which has already migrated the database, forks N workers with node:cluster; each opens
 * its own connection pool (and never migrates) and listens on the same port, the primary handing
 * the connections out in turn. A worker that dies is replaced, at most one start a second; stop()
 * asks every worker to close its server and its pool, then waits for them.
 *
 * A worker runs the same entry point as its primary (the `amity` command, or the load bench), which
 * calls runClusterWorker() when isClusterWorker(); what to serve comes in AMITY_CLUSTER_WORKER.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createDb } from './db/client.js';
import { readEnv } from './env.js';
import { startServer } from './server.js';

/** What each worker serves: the primary passes it in the environment of every worker it forks. */
export type WorkerConfig = {
  url: string;
  poolSize: number;
  /** DATABASE_REPLICA_URLS: read replicas for figures, reports and exports. */
  replicaUrls?: string[];
  port: number;
  hostname: string;
  homeScope?: string;
  publicRead: boolean;
};

export type ProcessMemory = { pid: number; rss: number; heapUsed: number };

export type RunningCluster = {
  /** The address every worker listens on. */
  url: string;
  /** Each serving worker's memory (after a full GC when the process runs with --expose-gc). */
  memory(): Promise<ProcessMemory[]>;
  /** Closes every worker's server and pool and waits for them to exit; no worker is restarted. */
  stop(): Promise<void>;
};

const WORKER_ENV = 'AMITY_CLUSTER_WORKER';
const RESTART_INTERVAL_MS = 1000;
/** A worker gets AMITY_SHUTDOWN_SECONDS to finish its requests, and 5 s more to close, before SIGKILL. */
const stopTimeoutMs = () => (readEnv().AMITY_SHUTDOWN_SECONDS + 5) * 1000;

type FromWorker =
  | { amity: 'ready'; url: string }
  | { amity: 'failed'; message: string; code?: string }
  | { amity: 'memory'; memory: ProcessMemory };
type ToWorker = { amity: 'memory' };

/** `--workers auto`: one process per core the machine lets this process use. */
export function parseWorkers(value: string): number | undefined {
  if (value === 'auto') return availableParallelism();
  const n = /^\d+$/.test(value) ? Number(value) : 0;
  return n >= 1 && n <= 64 ? n : undefined;
}

/** The pool configured for the deployment, split between the workers (at least 2 connections each). */
export function poolPerWorker(total: number, workers: number): number {
  return Math.max(2, Math.ceil(total / workers));
}

export function isClusterWorker(): boolean {
  return cluster.isWorker && process.env[WORKER_ENV] !== undefined;
}

/**
 * Forks the workers and resolves once every one listens. When one fails to start (the port is in
 * use, the database refuses), the others are stopped and the promise rejects with its error.
 */
export async function startClusterWorkers(
  workers: number,
  config: WorkerConfig,
  // biome-ignore lint/suspicious/noConsole: the cluster's own lines (a worker died, restarted) go to stderr by default.
  log: (line: string) => void = (line) => console.error(line),
): Promise<RunningCluster> {
  const env = { [WORKER_ENV]: JSON.stringify(config) };
  const live = new Set<Worker>();
  /** The live workers that have said they listen (and so answer messages). */
  const serving = new Set<Worker>();
  let stopping = false;
  let lastFork = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let pendingRestarts = 0;

  const fork = (): Worker => {
    lastFork = Date.now();
    const worker = cluster.fork(env);
    live.add(worker);
    return worker;
  };

  // The first workers: all listening, or none left running.
  const first = Array.from({ length: workers }, fork);
  let url: string;
  try {
    const urls = await Promise.all(first.map((worker) => readyOf(worker)));
    url = urls[0] as string;
    for (const worker of first) serving.add(worker);
  } catch (error) {
    stopping = true;
    await stopAll(live);
    throw error;
  }

  const restartLater = () => {
    if (restartTimer || stopping) return;
    restartTimer = setTimeout(
      () => {
        restartTimer = undefined;
        if (stopping || pendingRestarts === 0) return;
        pendingRestarts -= 1;
        const worker = fork();
        // One that fails to start is logged at its exit and replaced like any other.
        readyOf(worker).then(
          () => {
            serving.add(worker);
            log(`amity: server process ${worker.process.pid} started`);
          },
          () => {},
        );
        if (pendingRestarts > 0) restartLater();
      },
      Math.max(0, lastFork + RESTART_INTERVAL_MS - Date.now()),
    );
  };
  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    serving.delete(worker);
    if (!live.delete(worker) || stopping) return;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    log(`amity: server process ${worker.process.pid} stopped (${how}); starting another`);
    pendingRestarts += 1;
    restartLater();
  };
  cluster.on('exit', onExit);
  // A worker that died during the start was refused above; one that dies from now on is replaced.
  for (const worker of first) if (worker.isDead()) onExit(worker, worker.process.exitCode, worker.process.signalCode);

  return {
    url,
    memory: () => Promise.all([...serving].filter((w) => live.has(w)).map(memoryOf)),
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await stopAll(live);
      cluster.off('exit', onExit);
    },
  };
}

/** The worker's address once it listens; rejects when it fails or exits first. */
function readyOf(worker: Worker): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.amity === 'ready') done(() => resolve(message.url));
      else if (message.amity === 'failed') {
        const error = new Error(message.message) as NodeJS.ErrnoException;
        error.code = message.code;
        done(() => reject(error));
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(() => reject(new Error(`a server process exited while starting (${signal ?? `exit code ${code}`})`)));
    const done = (settle: () => void) => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      settle();
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}

function memoryOf(worker: Worker): Promise<ProcessMemory> {
  return new Promise((resolve) => {
    const onMessage = (message: FromWorker) => {
      if (message.amity !== 'memory') return;
      worker.off('message', onMessage);
      resolve(message.memory);
    };
    worker.on('message', onMessage);
    worker.send({ amity: 'memory' } satisfies ToWorker);
  });
}

/**
 * Asks every worker to stop (SIGTERM: a worker still starting has no handler yet, and simply ends),
 * and kills the ones still running after AMITY_SHUTDOWN_SECONDS + 5 s.
 */
async function stopAll(live: Set<Worker>): Promise<void> {
  const workers = [...live].filter((w) => !w.isDead());
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => worker.process.kill('SIGKILL'), stopTimeoutMs());
          worker.once('exit', () => {
            clearTimeout(timer);
            live.delete(worker);
            resolve();
          });
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * The body of a worker: its own pool on the server, the HTTP server on the shared port, then serve
 * until the primary (or a signal) says stop. The database is the primary's to migrate.
 */
export async function runClusterWorker(): Promise<void> {
  const config = JSON.parse(process.env[WORKER_ENV] ?? '{}') as WorkerConfig;
  const send = (message: FromWorker) => process.send?.(message);
  const handle = await createDb({ url: config.url, poolSize: config.poolSize, replicaUrls: config.replicaUrls });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      handle,
      port: config.port,
      hostname: config.hostname,
      homeScope: config.homeScope,
      publicRead: config.publicRead,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    send({ amity: 'failed', message: e.message, code: e.code });
    await handle.close().catch(() => {});
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Requests cut at the bound: their transactions roll back when the process's connections go.
    if (await server.close()) await handle.close();
    await new Promise<void>((resolve) => server.logger.flush(() => resolve()));
    process.exit(0);
  };
  // The primary stops a worker with SIGTERM; Ctrl+C in a terminal sends SIGINT to every process.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.on('message', (message: ToWorker) => {
    if (message.amity === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ amity: 'memory', memory: { pid: process.pid, rss, heapUsed } });
    }
  });
  send({ amity: 'ready', url: server.url });
}
