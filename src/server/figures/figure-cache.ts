/**
 * Figures kept between requests for as long as they are current. Every committed change that can
 * alter a figure raises the database's figures generation (meta.figures_generation, raised by
 * triggers in the change's own transaction: migration 0008), and a change that cannot — a pair's
 * notes, source or version — leaves it alone. A figure computed after reading generation G counts
 * at least every change up to G, so it is served while the database still says G and dropped as
 * soon as it says anything else. One read of one row replaces the aggregate queries (tens of
 * milliseconds for the whole country), whichever server process asks.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { queryRows } from '../db/sql.js';

/** Distinct queries kept per generation; the oldest goes first. */
const KEPT = 500;

type Generation = { generation: string; values: Map<string, unknown> };

/** Per database handle (or transaction: what a transaction computes stays with it). */
const generations = new WeakMap<object, Generation>();

export async function readFiguresGeneration(db: DbOrTx): Promise<string | null> {
  const rows = await queryRows<{ value: string }>(db, sql`select value from meta where key = 'figures_generation'`);
  return rows[0]?.value ?? null;
}

/**
 * The value of `key` at the current generation: the kept one, else `compute()`, then kept. The value
 * is shared by every caller that gets it: it must not be changed. A database without a generation
 * (not migrated yet) computes every time.
 */
export async function cachedByGeneration<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  const generation = await readFiguresGeneration(db);
  if (generation === null) return compute();
  let kept = generations.get(db);
  if (kept?.generation !== generation) {
    kept = { generation, values: new Map() };
    generations.set(db, kept);
  }
  if (kept.values.has(key)) return kept.values.get(key) as T;
  const value = await compute();
  // Another request may have moved on to a later generation meanwhile: this value then stays unkept.
  if (generations.get(db) === kept) {
    kept.values.set(key, value);
    if (kept.values.size > KEPT) kept.values.delete(kept.values.keys().next().value as string);
  }
  return value;
}
