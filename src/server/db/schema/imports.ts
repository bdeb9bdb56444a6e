/** Imports: the runs that wrote something and the column mappings offices saved. */
import { integer, json, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** One row per import that wrote something: what came in and what it changed. */
export const importRuns = pgTable('import_runs', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  target: text('target').notNull(),
  summary: jsonb('summary').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who imported, and the division subtree they imported into (null for runs before these were kept). */
  actorName: text('actor_name'),
  scopeCode: text('scope_code'),
  /** Set when the run was undone as a whole; an undone run cannot be undone again. */
  undoneAt: timestamp('undone_at', { withTimezone: true }),
  undoneBy: text('undone_by'),
});

/** Column mappings an office saved under a name, to import (and export) its own sheets again. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: serial('id').primaryKey(),
    /** The office: the division subtree whose staff share the mapping. */
    scopeCode: text('scope_code').notNull(),
    name: text('name').notNull(),
    /**
     * The mapping as MappingSchema describes it: {version: 1, type?, sheet?, headerRow?, columns}. json,
     * not jsonb: the order of the columns is the office's layout, and jsonb does not keep key order.
     */
    mapping: json('mapping').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_scope_name_idx').on(t.scopeCode, t.name)],
);
