/** Settings an office gives its activity rules, and the reminder query. */
import { z } from 'zod';
import { DELEGATION_TYPES } from '../enums.js';
import { DaySchema, DivisionCodeSchema } from './partnership.js';

/**
 * The rules of one scope. A limit left null is not checked. A record follows the rules of the
 * nearest scope at or above its division that has any (county → city → province → national), else
 * DEFAULT_RULES.
 */
export const OfficeRulesSchema = z
  .object({
    /** Largest delegation (participants). */
    maxDelegationSize: z.number().int().min(1).max(10_000).nullable(),
    /** Longest delegation (days). */
    maxDelegationDays: z.number().int().min(1).max(366).nullable(),
    /** A delegation needs an approval reference. */
    approvalRequired: z.boolean(),
    /** Which delegations the three rules above apply to. */
    delegationTypes: z.array(z.enum(DELEGATION_TYPES)).min(1).max(2),
    /** A substantive anniversary celebration only on the Nth, 2Nth, … anniversary of the signing. */
    anniversaryEveryYears: z.number().int().min(1).max(100).nullable(),
  })
  .strict();
export type OfficeRules = z.infer<typeof OfficeRulesSchema>;

/** Nothing is flagged until an office sets its rules. */
export const DEFAULT_RULES: OfficeRules = {
  maxDelegationSize: null,
  maxDelegationDays: null,
  approvalRequired: false,
  delegationTypes: ['delegation_out'],
  anniversaryEveryYears: null,
};

export const OfficeRulesPutSchema = z
  .object({
    settings: OfficeRulesSchema,
    /** The version read, to replace an existing setting; omitted when the scope has none yet. */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type OfficeRulesPut = z.infer<typeof OfficeRulesPutSchema>;

export const RemindersQuerySchema = z.object({
  scope: DivisionCodeSchema.optional().describe(
    'Partnerships of this division and below; the actor’s scope by default',
  ),
  asOf: DaySchema.optional().describe('The day reminders are computed for; today by default'),
  years: z.coerce.number().int().min(1).max(50).default(3).describe('Silent: no activity for this many years'),
  months: z.coerce.number().int().min(1).max(60).default(12).describe('Anniversaries in the next this many months'),
});
export type RemindersQuery = z.infer<typeof RemindersQuerySchema>;
