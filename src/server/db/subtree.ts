/**
 * "This division and everything under it" as SQL. Every table whose rows belong to a division keeps
 * the province and prefecture codes beside the division's own, so a subtree is one indexed equality
 * at any scale: a province by province_code, a prefecture by prefecture_code, a county by itself.
 */
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type SubtreeColumn = 'province' | 'prefecture' | 'cn';
/** The subtree of one division; null stands for the whole country. */
export type Subtree = { column: SubtreeColumn; code: string };

/** A table's columns that place a row in the tree of divisions. */
export type SubtreeColumns = { provinceCode: PgColumn; prefectureCode: PgColumn; cnCode: PgColumn };

export function subtreeOf(division: { code: string; level: string }): Subtree {
  const column = division.level === 'province' ? 'province' : division.level === 'prefecture' ? 'prefecture' : 'cn';
  return { column, code: division.code };
}

/** The condition for a table's rows in the subtree; undefined (no condition) for the whole country. */
export function subtreeWhere(table: SubtreeColumns, subtree: Subtree | null | undefined): SQL | undefined {
  if (!subtree) return undefined;
  if (subtree.column === 'province') return eq(table.provinceCode, subtree.code);
  if (subtree.column === 'prefecture') return eq(table.prefectureCode, subtree.code);
  return eq(table.cnCode, subtree.code);
}

/** The condition for a table's rows in one division's subtree. */
export function inDivisionSubtree(table: SubtreeColumns, division: { code: string; level: string }): SQL {
  return subtreeWhere(table, subtreeOf(division)) as SQL;
}
