/**
 * The server's log: pino, one JSON object a line on stdout — or, on a terminal, the same entries as
 * readable lines (pino-pretty). The level is AMITY_LOG_LEVEL (info by default; the tests run silent).
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from '../env.js';

export type { Logger };

export function createLogger({
  level,
  destination,
  readable = destination === undefined && process.stdout.isTTY === true,
}: {
  level: LogLevel;
  /** Where the JSON lines go (stdout by default); tests pass a stream of their own. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON: on a terminal, by default. */
  readable?: boolean;
}): Logger {
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (readable) {
    return pino(options, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid' }));
  }
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** A logger that writes nothing: the app's default, so that tests of features stay quiet. */
export const silentLogger: Logger = pino({ level: 'silent' });
