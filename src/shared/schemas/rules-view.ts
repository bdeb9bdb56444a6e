/**
 * What the rules endpoints send back: a scope's own rules, those in force there and the chain of
 * scopes above it. The service is typed by these schemas, the OpenAPI document is written from them
 * and the web app reads its types from them.
 */
import { z } from 'zod';
import { OfficeRulesSchema } from './rules.js';

// Without an id: the document has always written it out where it is used.
export const OwnRulesSchema = z.object({
  scopeCode: z.string(),
  settings: OfficeRulesSchema,
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type OwnRulesView = z.infer<typeof OwnRulesSchema>;

export const RulesViewSchema = z
  .object({
    scopeCode: z.string(),
    own: OwnRulesSchema.nullable().describe('The scope’s own rules; null when it follows the scopes above'),
    effective: OfficeRulesSchema.describe('The rules in force for records of this scope'),
    effectiveFrom: z.string().nullable().describe('Whose rules these are; null: the built-in defaults'),
    defaults: OfficeRulesSchema,
    chain: z.array(z.object({ scopeCode: z.string(), own: OwnRulesSchema.nullable() })).describe('Nearest first'),
  })
  .meta({ id: 'OfficeRulesView' });
export type RulesView = z.infer<typeof RulesViewSchema>;
