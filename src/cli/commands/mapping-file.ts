/** Reading a column mapping file given on the command line (`--mapping FILE`), with its errors said plainly. */
import { readFileSync } from 'node:fs';
import { type Mapping, parseMapping } from '../../server/imports/mapping.js';
import { isAppError } from '../../shared/errors.js';
import { CliError } from '../context.js';

export function readMapping(file: string): Mapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the mapping ${file}: ${(error as Error).message}`, 2);
  }
  try {
    return parseMapping(text);
  } catch (error) {
    const issue = isAppError(error) ? error.details.issues?.[0] : undefined;
    throw new CliError(
      `--mapping ${file}: ${issue ? `${issue.path}: ${issue.message} — ${issue.fix}` : String(error)}`,
      2,
    );
  }
}
