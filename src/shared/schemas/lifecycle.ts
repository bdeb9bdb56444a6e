/** Inputs of the life-cycle and document API, shared by the server and the web panel. */
import { z } from 'zod';
import { LIMITS } from '../enums.js';
import { APPROVAL_LEVELS, MOVES } from '../lifecycle.js';
import { DaySchema } from './partnership.js';

const text = (max: number) => z.string().trim().max(max).nullish();

export const MoveRequestSchema = z
  .object({
    version: z.number().int().positive().describe('The version of the partnership you read; a stale one gets 409'),
    move: z
      .enum(MOVES)
      .describe(
        'exchange | propose | approve | establish | dormant | reactivate | end | promote (see GET …/lifecycle)',
      ),
    occurredOn: DaySchema.describe('The day it happened (YYYY-MM-DD), not after today'),
    approvalLevel: z.enum(APPROVAL_LEVELS).nullish().describe('For approve: city | province | national, in that order'),
    approver: text(LIMITS.nameLength).describe('Who approved or signed: an office, an official, the association'),
    reference: text(LIMITS.nameLength).describe('Document number or letter reference, e.g. 湘外办函〔2023〕12号'),
    reason: text(LIMITS.notesLength).describe('Why: required to end, to fall dormant and to come back'),
    place: text(LIMITS.nameLength).describe('Where it was signed (establish, promote)'),
    sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
  })
  .strict();
export type MoveRequestInput = z.infer<typeof MoveRequestSchema>;

/** Document limits: checked on the file's bytes, never on its name. */
export const DOCUMENT_LIMITS = {
  bytesMax: 20 * 1024 * 1024,
  /** Size of a stored piece; a backup reads a few pieces at a time. */
  chunkBytes: 256 * 1024,
} as const;

export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type DocumentMediaType = keyof typeof DOCUMENT_TYPES;

export const DOCUMENT_CATEGORIES = ['agreement', 'letter', 'approval', 'photo', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DocumentFieldsSchema = z
  .object({
    category: z.enum(DOCUMENT_CATEGORIES).default('other').describe('agreement | letter | approval | photo | other'),
    title: z.string().trim().max(LIMITS.nameLength).optional().describe('What it is, e.g. 缔结友好城市关系协议书'),
  })
  .strict();
export type DocumentFields = z.infer<typeof DocumentFieldsSchema>;
