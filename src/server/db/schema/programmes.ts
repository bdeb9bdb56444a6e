/** Programmes with their areas and measures, and the projects and activities that carry a measure out. */
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { activities } from './activities.js';
import { projects } from './projects.js';
import { cnDivisions } from './reference.js';

/**
 * A policy programme of an office (e.g. the Thirty-six Policies, 三十六策): its areas hold its
 * measures. Scope (authorisation) follows cn_code, the office that owns the programme.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    /** Short code, unique in the registry, e.g. hunan-36. */
    code: text('code').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** The period, each end at its precision (year | month | day). */
    periodFrom: date('period_from'),
    periodFromPrecision: text('period_from_precision'),
    periodTo: date('period_to'),
    periodToPrecision: text('period_to_precision'),
    description: text('description'),
    /** URLs or citations. */
    sources: text('sources').array().notNull().default([]),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programmes_code_idx').on(t.code),
    index('programmes_province_idx').on(t.provinceCode),
    index('programmes_prefecture_idx').on(t.prefectureCode),
  ],
);

/** An area of a programme (资源, 机制, 目标, 内容, 力量, 保障), shown in `position` order. */
export const programmeAreas = pgTable(
  'programme_areas',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('programme_areas_code_idx').on(t.programmeId, t.code)],
);

/** A measure of a programme, in one area: who owns it, its status and progress. */
export const programmeMeasures = pgTable(
  'programme_measures',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => programmeAreas.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    textZh: text('text_zh'),
    textEn: text('text_en'),
    /** The office or unit responsible. */
    owner: text('owner'),
    /** not_started | in_progress | done | stalled */
    status: text('status').notNull().default('not_started'),
    /** 0–100 */
    progress: integer('progress').notNull().default(0),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programme_measures_code_idx').on(t.programmeId, t.code),
    index('programme_measures_area_idx').on(t.areaId),
  ],
);

/** The projects that carry out a measure. */
export const measureProjects = pgTable(
  'measure_projects',
  {
    measureId: integer('measure_id')
      .notNull()
      .references(() => programmeMeasures.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.projectId] }),
    index('measure_projects_project_idx').on(t.projectId, t.measureId),
  ],
);

/** The activities that carry out a measure. */
export const measureActivities = pgTable(
  'measure_activities',
  {
    measureId: integer('measure_id')
      .notNull()
      .references(() => programmeMeasures.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.activityId] }),
    index('measure_activities_activity_idx').on(t.activityId, t.measureId),
  ],
);
