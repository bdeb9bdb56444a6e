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
