/** Shared pieces of route definitions: JSON bodies, the error response, id parameters. */
import { z } from 'zod';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code: not_found, validation_failed, conflict, …'),
      message: z.string().describe('In the language asked for (Accept-Language or ?lang=)'),
      detail: z.string().optional(),
      issues: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            rule: z.string().optional(),
            value: z.unknown().optional(),
            fix: z.string().optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

const errorContent = { content: { 'application/json': { schema: ErrorSchema } } };

export const errorResponses = {
  400: { ...errorContent, description: 'Invalid input: each field with what is wrong and how to fix it' },
  401: { ...errorContent, description: 'Not signed in, or the API token is unknown, revoked or expired' },
  403: { ...errorContent, description: 'Not allowed for your role or scope, or a change without the CSRF token' },
  404: { ...errorContent, description: 'No such record' },
  409: { ...errorContent, description: 'Conflict: a stale version, or a duplicate' },
  429: { ...errorContent, description: 'Too many failed sign-ins: the account or the address waits' },
  503: { ...errorContent, description: 'The database is unavailable' },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T, description = 'JSON body') {
  return { body: { content: { 'application/json': { schema } }, required: true, description } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export const IdParamSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).describe('Record id'),
});

export const VersionQuerySchema = z.object({
  version: z.coerce.number().int().positive().describe('The version you read; a stale one gets 409'),
});
