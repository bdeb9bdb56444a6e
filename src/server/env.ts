/** Configuration from the environment, parsed once at start-up. */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const EnvSchema = z.object({
  /** PostgreSQL server connection string; when unset the embedded database is used. */
  DATABASE_URL: z.url().optional(),
  /**
   * Read replicas of DATABASE_URL (streaming standbys), comma-separated: figures, reports and exports
   * read from them in turn; everything else, and every write, goes to DATABASE_URL.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url('each a postgres:// connection string, separated by commas')))
    .optional(),
  /**
   * 1: the server is behind a reverse proxy of the deployment's own (nginx): X-Forwarded-Proto says
   * whether the visitor came over https (the session cookie's Secure flag) and the last address of
   * X-Forwarded-For is the visitor's (sign-in limits, the open-data rate limit, /metrics from
   * loopback). Leave it unset when clients reach the server directly: they could forge both headers.
   */
  AMITY_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Data directory of the embedded database (overridden by --db). */
  AMITY_DB: z.string().min(1).default('./.amity/db'),
  /** Port of `amity serve` (overridden by --port). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The scope the web app opens on: the GB/T 2260 code of the office's own province, city or county
   * (e.g. 430000), or 000000 for the whole country. Unset: the province of the partnerships held.
   */
  AMITY_HOME_SCOPE: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000')
    .optional(),
  /** 1: visitors who are not signed in may read the registry (contacts and the audit trail never). */
  AMITY_PUBLIC_READ: z.enum(['0', '1']).default('0'),
  /** Requests a minute that one address may make to the public open-data routes (/api/open/…). */
  AMITY_OPEN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** `amity demo`: the demo accounts' password (default: a new random one on each start, printed). */
  AMITY_DEMO_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** Server connections kept by the pool when DATABASE_URL is set. */
  AMITY_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Server processes of `amity serve` sharing its port (overridden by --workers): a number, or auto
   * for one per core. More than 1 needs DATABASE_URL; AMITY_DB_POOL is split between them.
   */
  AMITY_WORKERS: z
    .string()
    .regex(/^(auto|\d+)$/, 'a number of processes such as 2, or auto')
    .optional(),
  /**
   * The server's log (one JSON line per request, readable lines on a terminal): fatal, error, warn,
   * info, debug, trace or silent. The tests run silent and CI at warn.
   */
  AMITY_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** 1: GET /metrics serves Prometheus metrics (to the same host, or to an admin). */
  AMITY_METRICS: z.enum(['0', '1']).default('0'),
  /**
   * On SIGTERM or SIGINT, how long requests in flight (an import among them) may take to finish
   * before the database is closed under them (an unfinished import then rolls back), in seconds.
   */
  AMITY_SHUTDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; a bad value throws an error that names the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}
