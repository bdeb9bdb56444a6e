/**
 * The database schema. Migrations in ./migrations are generated from this file with
 * `npm run db:generate` and committed; a landed migration is never edited.
 * Every column and query stays within what both PGlite (PostgreSQL 18) and PostgreSQL 15 accept.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Key/value facts about the database itself, e.g. which reference data version is loaded. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const countries = pgTable('countries', {
  iso2: text('iso2').primaryKey(),
  iso3: text('iso3').notNull(),
  /** ISO 3166 numeric code, the key of the bundled world map; empty for Kosovo. */
  numeric: text('numeric'),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  continent: text('continent').notNull(),
});

export const countryGroups = pgTable('country_groups', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  description: text('description'),
  source: text('source'),
});

export const countryGroupMembers = pgTable(
  'country_group_members',
  {
    groupCode: text('group_code')
      .notNull()
      .references(() => countryGroups.code, { onDelete: 'cascade' }),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => countries.iso2),
    /** The day the country joined the group (e.g. signed a cooperation document); null = always. */
    joinedOn: date('joined_on'),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.countryIso2] })],
);

/** Chinese administrative divisions by GB/T 2260 code. */
export const cnDivisions = pgTable(
  'cn_divisions',
  {
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** province | prefecture | county */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    /** Lower-case Chinese, English, full pinyin and pinyin initials, for free-text search. */
    search: text('search').notNull(),
    /** Pinyin of the Chinese name: the database collation is C, so Chinese sorts by this key. */
    sortKey: text('sort_key').notNull(),
    /** The division's Wikidata item (Q…), from data/wikidata/cn-division-qids.csv; null when not known. */
    wikidataId: text('wikidata_id'),
  },
  (t) => [index('cn_divisions_parent_idx').on(t.parentCode)],
);

/** GeoNames cities (population ≥ 1,000) for coordinates and population of foreign places. */
export const gazetteer = pgTable(
  'gazetteer',
  {
    geonamesId: integer('geonames_id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    countryIso2: text('country_iso2').notNull(),
    featureCode: text('feature_code'),
    population: integer('population'),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
  },
  (t) => [index('gazetteer_country_name_idx').on(t.countryIso2, t.nameKey)],
);

export const foreignPlaces = pgTable(
  'foreign_places',
  {
    id: serial('id').primaryKey(),
    countryIso2: text('country_iso2')
      .notNull()
      .references(() => countries.iso2),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    nameLocal: text('name_local'),
    /** state | city | county, when known */
    adminLevel: text('admin_level'),
    /** Identity within the country: the normalised English name, else the Chinese name. */
    nameKey: text('name_key').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    population: integer('population'),
    geonamesId: integer('geonames_id'),
    wikidataId: text('wikidata_id'),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [uniqueIndex('foreign_places_country_key_idx').on(t.countryIso2, t.nameKey)],
);

export const partnerships = pgTable(
  'partnerships',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    /** Province and prefecture of the Chinese side, so that a subtree filter is one indexed equality. */
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** provincial | city | county — always derived from the Chinese side's division level. */
    level: text('level').notNull(),
    foreignPlaceId: integer('foreign_place_id')
      .notNull()
      .references(() => foreignPlaces.id),
    /** Denormalised from the foreign place so that country filters need no join. */
    countryIso2: text('country_iso2').notNull(),
    /** friendship | exchange */
    kind: text('kind').notNull(),
    /**
     * intent | exchanging | proposed | approved | established: the steps before signing, moved only by
     * the life cycle (src/server/lifecycle); only established pairs are counted in figures.
     */
    stage: text('stage').notNull().default('established'),
    /** active | dormant | ended */
    status: text('status').notNull(),
    /** First day of the period when only a year or a month is known; see establishedPrecision. */
    establishedOn: date('established_on'),
    /** year | month | day */
    establishedPrecision: text('established_precision'),
    endedOn: date('ended_on'),
    endedReason: text('ended_reason'),
    sourceUrl: text('source_url'),
    notes: text('notes'),
    /** True for illustrative records that the demo made up; never for sourced facts. */
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * Open data: true publishes the pair, false withholds it, null follows the nearest scope at or
     * above its division in open_scopes (none: withheld).
     */
    isPublic: boolean('is_public'),
    /** The notes (and the ended reason) are for the office only and never leave in open data. */
    notesInternal: boolean('notes_internal').notNull().default(false),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('partnerships_natural_key_idx').on(t.cnCode, t.foreignPlaceId, t.kind),
    index('partnerships_cn_code_idx').on(t.cnCode),
    // Covers the figures' counting (province, kind and the two dates), so that counting every
    // province's pairs is an index-only scan once the table is vacuumed.
    index('partnerships_province_kind_idx').on(t.provinceCode, t.kind, t.stage, t.establishedOn, t.endedOn),
    // A province's or a prefecture's list page in name order reads its first rows off these.
    index('partnerships_province_sort_idx').on(t.provinceCode, t.sortKey, t.id),
    index('partnerships_prefecture_sort_idx').on(t.prefectureCode, t.sortKey, t.id),
    index('partnerships_sort_idx').on(t.sortKey, t.id),
    index('partnerships_country_idx').on(t.countryIso2),
    index('partnerships_established_idx').on(t.establishedOn),
    // The list's text search (`search LIKE '%…%'`) by trigrams instead of reading every pair
    // (pg_trgm, which PGlite ships too; the migration creates the extension).
    index('partnerships_search_trgm_idx').using('gin', sql`${t.search} gin_trgm_ops`),
  ],
);

export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** delegation_out | delegation_in | visit | agreement | event | online_meeting | letter | other */
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    titleZh: text('title_zh'),
    titleEn: text('title_en'),
    description: text('description'),
    sourceUrl: text('source_url'),
    // Delegation details (empty for other types); fields are FIELDS codes (src/shared/enums.ts);
    // sources are further URLs or citations beside source_url.
    leader: text('leader'),
    participants: integer('participants'),
    days: integer('days'),
    purpose: text('purpose'),
    approvalRef: text('approval_ref'),
    /** each_own | host_pays | guest_pays | shared | other */
    costSharing: text('cost_sharing'),
    fields: text('fields').array().notNull().default([]),
    sources: text('sources').array().notNull().default([]),
    /** A substantive anniversary celebration of the partnership (checked by the anniversary rule). */
    anniversary: boolean('anniversary').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_partnership_idx').on(t.partnershipId, t.occurredOn),
    index('activities_occurred_idx').on(t.occurredOn),
  ],
);

/** A sourced, dated figure about a province or the nation, used for rankings and checks. */
export const benchmarks = pgTable(
  'benchmarks',
  {
    id: serial('id').primaryKey(),
    /** GB/T 2260 code of the province, or 000000 for the whole country. */
    scopeCode: text('scope_code').notNull(),
    kind: text('kind').notNull(),
    total: integer('total').notNull(),
    provincial: integer('provincial'),
    city: integer('city'),
    county: integer('county'),
    countries: integer('countries'),
    asOf: date('as_of').notNull(),
    asOfPrecision: text('as_of_precision').notNull(),
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('benchmarks_natural_key_idx').on(t.scopeCode, t.kind, t.asOf, t.total)],
);

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

/** People who sign in. A role and a division subtree bound what each may see and change. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Lower-case login name. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** admin | editor | viewer */
    role: text('role').notNull(),
    /** GB/T 2260 code of the division subtree the user works in; 000000 for the whole country. */
    scopeCode: text('scope_code').notNull(),
    /** May see contacts (personal data). */
    canSeeContacts: boolean('can_see_contacts').notNull().default(false),
    /** argon2id hash (PHC string). */
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
);

/** Browser sessions; the cookie holds a random id whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in the X-CSRF-Token header on every change. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per client address in its current window (a quarter-hour from the first failure),
 * in the database so that every server process counts the same; a row whose window has passed is
 * started afresh by the next failure or deleted.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    address: text('address').primaryKey(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull(),
  },
  (t) => [index('login_failures_since_idx').on(t.since)],
);

/** API tokens for scripts: hashed at rest, with their own role and scope within the owner's. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    role: text('role').notNull(),
    scopeCode: text('scope_code').notNull(),
    canSeeContacts: boolean('can_see_contacts').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Every change to a record: who, when, what, before → after, and from which import. Written in the
 * same transaction as the change; the database refuses to update or delete a row of it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** user | token | system */
    actorKind: text('actor_kind').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** The record type, e.g. partnership, activity, user. */
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    /** create | update | delete, or a verb of the record type such as stage or revoke. */
    action: text('action').notNull(),
    /** Division code the record belongs to, so that reading the trail follows the same scopes. */
    cnCode: text('cn_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    importRunId: integer('import_run_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_import_idx').on(t.importRunId),
  ],
);

// --- Activities: delegation details, several partnerships per activity, office rules ---

/** Every partnership an activity belongs to, the primary one (activities.partnership_id) included. */
export const activityPartnerships = pgTable(
  'activity_partnerships',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.partnershipId] }),
    index('activity_partnerships_partnership_idx').on(t.partnershipId, t.activityId),
  ],
);

/**
 * The rules an office sets for the activities of its division and everything below it (a record
 * follows the nearest scope above its division). `settings` is validated by OfficeRulesSchema.
 */
export const officeRules = pgTable('office_rules', {
  /** GB/T 2260 code of the division, or 000000 for the national defaults. */
  scopeCode: text('scope_code').primaryKey(),
  settings: jsonb('settings').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Open data per scope: whether the pairs of a division and of everything under it are published
 * (a pair's own is_public overrides it; the nearest scope with a row decides).
 */
export const openScopes = pgTable('open_scopes', {
  /** GB/T 2260 code of the division, or 000000 for the whole registry. */
  cnCode: text('cn_code').primaryKey(),
  isPublic: boolean('is_public').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// --- Projects and outcomes; programmes with areas and measures ---

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

// --- Life cycle: stage history, approvals, attached documents ---

/** Raw bytes: node-postgres gives a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Every move of a partnership through its life cycle (src/shared/lifecycle.ts): the state before and
 * after, the day it happened, who recorded it and the paper behind it. Replaying the moves from the
 * first `from` gives the partnership's current stage, status and kind.
 */
export const partnershipStageEvents = pgTable(
  'partnership_stage_events',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** exchange | propose | approve | establish | dormant | reactivate | end | promote | correct */
    move: text('move').notNull(),
    fromStage: text('from_stage').notNull(),
    fromStatus: text('from_status').notNull(),
    fromKind: text('from_kind').notNull(),
    toStage: text('to_stage').notNull(),
    toStatus: text('to_status').notNull(),
    toKind: text('to_kind').notNull(),
    /** The day it happened (the letter's, the approval's, the signing's date), not when it was typed in. */
    occurredOn: date('occurred_on').notNull(),
    /** city | province | national, for an approval */
    approvalLevel: text('approval_level'),
    /** Who approved or signed: an office, an official, the association. */
    approver: text('approver'),
    /** The document number or letter reference, e.g. 湘外办函〔2023〕12号. */
    reference: text('reference'),
    /** Why: required to end, to fall dormant and to come back. */
    reason: text('reason'),
    /** Where it was signed, for establish and promote. */
    place: text('place'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** True for an illustrative history of the demo; never for a sourced one. */
    isDemo: boolean('is_demo').notNull().default(false),
    sourceUrl: text('source_url'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_stage_events_partnership_idx').on(t.partnershipId, t.id)],
);

/** The approvals of a proposed partnership, in their order city → province → national association. */
export const partnershipApprovals = pgTable(
  'partnership_approvals',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** The history event that recorded it. */
    eventId: integer('event_id')
      .notNull()
      .references(() => partnershipStageEvents.id, { onDelete: 'cascade' }),
    /** city | province | national */
    level: text('level').notNull(),
    approver: text('approver').notNull(),
    approvedOn: date('approved_on').notNull(),
    reference: text('reference'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_approvals_partnership_idx').on(t.partnershipId, t.id)],
);

/** Files attached to a partnership (agreement scans, letters): the metadata; the bytes are in document_chunks. */
export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** agreement | letter | approval | photo | other */
    category: text('category').notNull(),
    title: text('title'),
    fileName: text('file_name').notNull(),
    /** Decided from the file's first bytes, never from its name: application/pdf, image/jpeg, … */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the whole file, checked on download. */
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_partnership_idx').on(t.partnershipId, t.id)],
);

/** A document's bytes in pieces of at most 256 KiB, so that backups and restores stay small per row. */
export const documentChunks = pgTable(
  'document_chunks',
  {
    /** A serial key so that a backup can read the bytes a few rows at a time. */
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('document_chunks_document_seq_idx').on(t.documentId, t.seq)],
);

// --- Contacts: the network of people, with role history, links and touches ---

/**
 * A person an office keeps in touch with: a partner-city official, an overseas Chinese, an
 * international friend, an expert. Personal data: only actors with the contacts permission see it.
 * Scope (authorisation) follows cn_code, the office that keeps the contact.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    cnCode: text('cn_code')
      .notNull()
      .references(() => cnDivisions.code),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    /** partner_official | overseas_chinese | international_friend | expert | other */
    category: text('category').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    /** The name in its own script (e.g. 山田太郎, Müller), when neither Chinese nor English. */
    nameOriginal: text('name_original'),
    countryIso2: text('country_iso2').references(() => countries.iso2),
    city: text('city'),
    organisation: text('organisation'),
    /** BCP 47 language tags, e.g. {en,fr}. */
    languages: text('languages').array().notNull().default([]),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    search: text('search').notNull(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_province_idx').on(t.provinceCode),
    index('contacts_prefecture_idx').on(t.prefectureCode),
    index('contacts_cn_code_idx').on(t.cnCode),
    index('contacts_sort_idx').on(t.sortKey, t.id),
  ],
);

/**
 * A post a contact held or holds: kept, never overwritten, so that "who held post P on day D" has an
 * answer. Dates keep their precision; to_end is the last day of the to-period (derived), null while
 * the term runs.
 */
export const contactRoles = pgTable(
  'contact_roles',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    post: text('post').notNull(),
    fromOn: date('from_on').notNull(),
    fromPrecision: text('from_precision').notNull(),
    toOn: date('to_on'),
    toPrecision: text('to_precision'),
    toEnd: date('to_end'),
    /** Organisation and post, normalised, for "who held P". */
    search: text('search').notNull(),
  },
  (t) => [index('contact_roles_contact_idx').on(t.contactId, t.fromOn), index('contact_roles_from_idx').on(t.fromOn)],
);

/** A contact's link to a partnership or to an activity (exactly one of the two). */
export const contactLinks = pgTable(
  'contact_links',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id').references(() => partnerships.id, { onDelete: 'cascade' }),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'cascade' }),
  },
  (t) => [
    check('contact_links_one_target', sql`(${t.partnershipId} is null) <> (${t.activityId} is null)`),
    uniqueIndex('contact_links_partnership_idx').on(t.contactId, t.partnershipId),
    uniqueIndex('contact_links_activity_idx').on(t.contactId, t.activityId),
    index('contact_links_by_partnership_idx').on(t.partnershipId),
    index('contact_links_by_activity_idx').on(t.activityId),
  ],
);

/** An explicit "contacted on" entry: a call, a meeting, a letter. Last contact also counts linked activities. */
export const contactTouches = pgTable(
  'contact_touches',
  {
    id: serial('id').primaryKey(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    touchedOn: date('touched_on').notNull(),
    /** meeting | call | email | letter | message | other */
    channel: text('channel').notNull(),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_touches_contact_idx').on(t.contactId, t.touchedOn)],
);
