/** Projects and their outcomes, partnerships and countries. */
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { partnerships } from './partnerships.js';
import { cnDivisions, countries } from './reference.js';

/** A cooperation project run by an office (cn_code), born of partnerships. */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    /** A FIELDS code (src/shared/enums.ts). */
    field: text('field').notNull(),
    description: text('description'),
    startOn: date('start_on'),
    startPrecision: text('start_precision'),
    endOn: date('end_on'),
    endPrecision: text('end_precision'),
    /** planned | running | completed | stopped */
    status: text('status').notNull(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** UN Sustainable Development Goals, 1–17. */
    sdgs: integer('sdgs').array().notNull().default([]),
    /** URLs or citations. */
    sources: text('sources').array().notNull().default([]),
    isDemo: boolean('is_demo').notNull().default(false),
    search: text('search').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_province_idx').on(t.provinceCode),
    index('projects_prefecture_idx').on(t.prefectureCode),
    index('projects_cn_code_idx').on(t.cnCode),
    index('projects_field_idx').on(t.field),
  ],
);

export const projectPartnerships = pgTable(
  'project_partnerships',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.partnershipId] }),
    index('project_partnerships_partnership_idx').on(t.partnershipId, t.projectId),
  ],
);

export const projectCountries = pgTable(
  'project_countries',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => countries.iso2),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.countryIso2] }),
    index('project_countries_country_idx').on(t.countryIso2, t.projectId),
  ],
);

/** A measured outcome of a project: a value with its unit, as of a date, with its evidence. */
export const projectOutcomes = pgTable(
  'project_outcomes',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    metricZh: text('metric_zh'),
    metricEn: text('metric_en'),
    value: doublePrecision('value').notNull(),
    /** An OUTCOME_UNITS code (src/shared/schemas/project.ts). */
    unit: text('unit').notNull(),
    asOf: date('as_of').notNull(),
    asOfPrecision: text('as_of_precision').notNull(),
    evidence: text('evidence'),
    evidenceUrl: text('evidence_url'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_outcomes_project_idx').on(t.projectId, t.asOf)],
);
