/** Enumerations and limits shared by the API, the importer, the CLI and the web forms. */
export const LEVELS = ['provincial', 'city', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS = ['friendship', 'exchange'] as const;
export type Kind = (typeof KINDS)[number];

export const STATUSES = ['active', 'dormant', 'ended'] as const;
export type Status = (typeof STATUSES)[number];

export const PRECISIONS = ['year', 'month', 'day'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const ADMIN_LEVELS = ['state', 'city', 'county'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export const CONTINENTS = ['asia', 'europe', 'africa', 'americas', 'oceania'] as const;
export type Continent = (typeof CONTINENTS)[number];

export const DIVISION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const ACTIVITY_TYPES = [
  'delegation_out',
  'delegation_in',
  'visit',
  'agreement',
  'event',
  'online_meeting',
  'letter',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Delegations: the activity types that carry leader, size, days, approval and cost sharing. */
export const DELEGATION_TYPES = ['delegation_out', 'delegation_in'] as const satisfies readonly ActivityType[];

/** Fields of cooperation, shared by activities, projects and the health score. */
export const FIELDS = [
  'agriculture',
  'media',
  'education',
  'health',
  'trade',
  'culture',
  'tourism',
  'science',
  'governance',
  'youth',
  'sports',
  'other',
] as const;
export type Field = (typeof FIELDS)[number];

/** Who pays for a delegation. */
export const COST_SHARING = ['each_own', 'host_pays', 'guest_pays', 'shared', 'other'] as const;
export type CostSharing = (typeof COST_SHARING)[number];

/** The rules an office can set on activities; each names a flag. */
export const RULE_CODES = ['delegation_size', 'delegation_days', 'approval_required', 'anniversary_interval'] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** The partnership level follows the level of the Chinese division. */
export const LEVEL_OF_DIVISION: Record<DivisionLevel, Level> = {
  province: 'provincial',
  prefecture: 'city',
  county: 'county',
};

/** Code of the whole country in benchmarks and scopes. */
export const NATIONAL_CODE = '000000';

export const LIMITS = {
  nameLength: 200,
  notesLength: 4000,
  urlLength: 2000,
  perPageMax: 500,
  perPageDefault: 50,
  importRowsMax: 500_000,
  importBytesMax: 100 * 1024 * 1024,
} as const;
