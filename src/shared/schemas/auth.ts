/** Inputs of sign-in, accounts and API tokens. */
import { z } from 'zod';

export const ROLE_VALUES = ['viewer', 'editor', 'admin'] as const;

/** A password of at least 12 characters (NIST SP 800-63B asks for 8 at least; offices share machines). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'letters, digits, dot, dash or underscore; 2 to 63 characters')
  .describe('Login name, lower case');

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);

export const ScopeCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000, or 000000 for the whole country')
  .describe('The division subtree: 430000 Hunan, 430100 Changsha, 000000 the whole country');

export const LoginSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(63),
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginSchema>;

export const UserCreateSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLE_VALUES),
    scopeCode: ScopeCodeSchema,
    canSeeContacts: z.boolean().default(false),
    password: PasswordSchema,
  })
  .strict();
export type UserCreateInput = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLE_VALUES).optional(),
    scopeCode: ScopeCodeSchema.optional(),
    canSeeContacts: z.boolean().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserUpdateInput = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.object({ password: PasswordSchema }).strict();

export const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: PasswordSchema })
  .strict();

export const TokenCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** At most the owner's role; default the owner's. */
    role: z.enum(ROLE_VALUES).optional(),
    /** Inside the owner's scope; default the owner's. */
    scopeCode: ScopeCodeSchema.optional(),
    canSeeContacts: z.boolean().default(false),
    /** Days until it expires; none: it lasts until revoked. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type TokenCreateInput = z.infer<typeof TokenCreateSchema>;
