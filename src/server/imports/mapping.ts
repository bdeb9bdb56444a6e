/**
 * A column mapping: how an office's own sheet maps onto the interchange format, kept as a small
 * JSON file and reused for every list the office imports (and for exports in its own layout):
 * `{"version": 1, "type": "partnerships", "sheet": "友城", "headerRow": 2, "columns": {"中方城市": "cn_division", "序号": null}}`.
 * A header the mapping does not name is mapped by its own name, as without a mapping.
 */
import { AppError } from '../../shared/errors.js';
import { type Mapping, MappingSchema } from '../../shared/schemas/imports.js';

export { type Mapping, MappingSchema };

/** Reads a mapping file's text; a bad file is a 400 naming the key and saying how to fix it. */
export function parseMapping(text: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('validation_failed', 'the mapping is not JSON', {
      issues: [
        {
          path: 'mapping',
          rule: 'invalid_json',
          message: `the mapping file is not valid JSON: ${(error as Error).message}`,
          fix: 'write {"version": 1, "columns": {"<header>": "<field>" | null}}',
        },
      ],
    });
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'the mapping is not valid', {
      issues: parsed.error.issues.map((i) => ({
        path: ['mapping', ...i.path.map(String)].join('.'),
        rule: i.code,
        message: i.message,
        fix: 'write {"version": 1, "columns": {"<header>": "<field>" | null}}; fields are the interchange format\'s column names',
      })),
    });
  }
  return parsed.data;
}
