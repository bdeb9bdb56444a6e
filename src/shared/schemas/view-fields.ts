/** Field schemas shared by the response schemas of several features. */
import { z } from 'zod';

/**
 * A text field that only ever holds one of `values`, because the server writes it from that list
 * alone (level, kind, stage, status, precision…). TypeScript — the presenters and the web app — sees
 * the union; the OpenAPI document describes the field as a string, as it always has.
 */
export function oneOf<const T extends string>(_values: readonly T[]): z.ZodType<T> {
  return z.string() as unknown as z.ZodType<T>;
}

/** A partnership named by both sides, as the lists of activities, contacts and reminders link to it. */
export const partnershipRefFields = {
  id: z.number().int(),
  cnCode: z.string(),
  cnNameZh: z.string(),
  cnNameEn: z.string(),
  countryIso2: z.string(),
  partnerNameZh: z.string().nullable(),
  partnerNameEn: z.string().nullable(),
};
