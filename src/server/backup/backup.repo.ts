/**
 * SQL of backup and restore. Rows travel as PostgreSQL's own JSON (row_to_json) and come back
 * through json_populate_recordset, so dates, timestamps, doubles and jsonb round-trip exactly and
 * the same on PGlite and node-postgres, whatever each driver does with types.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { queryRows } from '../db/sql.js';

/**
 * The application's tables in the order a restore writes them (parents first), each with the rows
 * that belong to the office: the reference tables (countries, cn_divisions, gazetteer, meta) are
 * reloaded from data/ at start, and the shipped group `bri` with them, so none of those is dumped.
 */
export type BackupTable = {
  name: string;
  /** Which rows are the office's own; omitted: all of them. */
  where?: SQL;
  /** The serial id whose sequence a restore moves past the largest restored id. */
  serial?: string;
  /** Columns that order the rows, for stable dumps. */
  orderBy: string;
  /** Rows per read and per restore insert when they are large (document bytes); default 5000 and 2000. */
  page?: number;
  /** A trigger that refuses deletes (the append-only audit trail): a forced restore lifts it for its transaction. */
  guardTrigger?: string;
};

export const REFERENCE_GROUP_CODES = ['bri'];

const ownGroup = sql`group_code <> all(${`{${REFERENCE_GROUP_CODES.join(',')}}`}::text[])`;

export const BACKUP_TABLES: readonly BackupTable[] = [
  {
    name: 'country_groups',
    where: sql`code <> all(${`{${REFERENCE_GROUP_CODES.join(',')}}`}::text[])`,
    orderBy: 'code',
  },
  { name: 'country_group_members', where: ownGroup, orderBy: 'group_code, country_iso2' },
  { name: 'foreign_places', serial: 'id', orderBy: 'id' },
  { name: 'partnerships', serial: 'id', orderBy: 'id' },
  { name: 'activities', serial: 'id', orderBy: 'id' },
  { name: 'activity_partnerships', orderBy: 'activity_id, partnership_id' },
  { name: 'partnership_stage_events', serial: 'id', orderBy: 'id' },
  { name: 'partnership_approvals', serial: 'id', orderBy: 'id' },
  { name: 'documents', serial: 'id', orderBy: 'id' },
  { name: 'document_chunks', serial: 'id', orderBy: 'id', page: 8 },
  { name: 'office_rules', orderBy: 'scope_code' },
  { name: 'open_scopes', orderBy: 'cn_code' },
  { name: 'programmes', serial: 'id', orderBy: 'id' },
  { name: 'programme_areas', serial: 'id', orderBy: 'id' },
  { name: 'programme_measures', serial: 'id', orderBy: 'id' },
  { name: 'projects', serial: 'id', orderBy: 'id' },
  { name: 'project_partnerships', orderBy: 'project_id, partnership_id' },
  { name: 'project_countries', orderBy: 'project_id, country_iso2' },
  { name: 'project_outcomes', serial: 'id', orderBy: 'id' },
  { name: 'measure_projects', orderBy: 'measure_id, project_id' },
  { name: 'measure_activities', orderBy: 'measure_id, activity_id' },
  { name: 'contacts', serial: 'id', orderBy: 'id' },
  { name: 'contact_roles', serial: 'id', orderBy: 'id' },
  { name: 'contact_links', serial: 'id', orderBy: 'id' },
  { name: 'contact_touches', serial: 'id', orderBy: 'id' },
  { name: 'benchmarks', serial: 'id', orderBy: 'id' },
  { name: 'import_runs', serial: 'id', orderBy: 'id' },
  { name: 'import_mappings', serial: 'id', orderBy: 'id' },
  { name: 'match_requests', serial: 'id', orderBy: 'id' },
  { name: 'match_shortlist', serial: 'id', orderBy: 'id' },
  { name: 'match_dismissals', serial: 'id', orderBy: 'id' },
  { name: 'match_policies', orderBy: 'scope_code' },
  { name: 'users', serial: 'id', orderBy: 'id' },
  { name: 'api_tokens', serial: 'id', orderBy: 'id' },
  { name: 'audit_log', serial: 'id', orderBy: 'id', guardTrigger: 'audit_log_append_only' },
];

/**
 * Tables that are neither reference data nor dumped: sign-in sessions and the count of failed
 * sign-ins per address end with the database they were made on.
 */
export const EPHEMERAL_TABLES = ['sessions', 'login_failures'];

const PAGE = 5000;

function whereOf(table: BackupTable): SQL {
  return table.where ?? sql`true`;
}

/** Every row of a table as JSON text, page by page (keyset on the serial id when there is one). */
export async function* readTableRows(db: DbOrTx, table: BackupTable): AsyncGenerator<string[]> {
  const name = sql.identifier(table.name);
  if (!table.serial) {
    const rows = await queryRows<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from ${name} t where ${whereOf(table)} order by ${sql.raw(table.orderBy)}`,
    );
    if (rows.length > 0) yield rows.map((r) => r.j);
    return;
  }
  const id = sql.identifier(table.serial);
  let after = -2147483648;
  for (;;) {
    const rows = await queryRows<{ j: string; id: number }>(
      db,
      sql`select row_to_json(t)::text as j, t.${id} as id from ${name} t
          where ${whereOf(table)} and t.${id} > ${after} order by t.${id} limit ${table.page ?? PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.j);
    after = Number(rows[rows.length - 1]?.id);
    if (rows.length < (table.page ?? PAGE)) return;
  }
}

export async function countTableRows(db: DbOrTx, table: BackupTable): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${whereOf(table)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Writes rows given as JSON text into a table, columns by name. */
export async function insertTableRows(db: DbOrTx, table: BackupTable, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const name = sql.identifier(table.name);
  await db.execute(
    sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`,
  );
}

/** Deletes the office's rows of every backup table, children first. */
export async function deleteOwnRows(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from sessions`);
  for (const table of [...BACKUP_TABLES].reverse()) {
    const name = sql.identifier(table.name);
    const guard = table.guardTrigger ? sql.identifier(table.guardTrigger) : undefined;
    if (guard) await db.execute(sql`alter table ${name} disable trigger ${guard}`);
    await db.execute(sql`delete from ${name} where ${whereOf(table)}`);
    if (guard) await db.execute(sql`alter table ${name} enable trigger ${guard}`);
  }
}

/** Moves a table's id sequence past its largest id, so the next insert does not collide. */
export async function resetSequence(db: DbOrTx, table: BackupTable): Promise<void> {
  if (!table.serial) return;
  const name = sql.identifier(table.name);
  const id = sql.identifier(table.serial);
  await db.execute(
    sql`select setval(pg_get_serial_sequence(${table.name}, ${table.serial}), coalesce((select max(${id}) from ${name}), 0) + 1, false)`,
  );
}
