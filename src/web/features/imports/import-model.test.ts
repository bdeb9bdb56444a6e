import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { contentTypeOf, reportOfError } from './import-model';

describe('import uploads', () => {
  it('sends CSV and XLSX with their types and refuses others', () => {
    expect(contentTypeOf('友城.CSV', true)).toBe('text/csv');
    expect(contentTypeOf('a.xlsx', true)).toContain('spreadsheetml');
    expect(contentTypeOf('a.xls', true)).toBeUndefined();
    expect(contentTypeOf('a.txt')).toBe('application/octet-stream');
  });

  it('reads the report of a file with problems from the 400 answer', () => {
    const report = { rows: 3, problems: [{ row: 2, rule: 'unknown_country', message: 'x' }], ok: false };
    const error = new ApiError(400, 'validation_failed', 'bad', [], { error: { details: { report } } });
    expect(reportOfError(error)).toBe(report);
    expect(reportOfError(new ApiError(400, 'validation_failed', 'bad', [], { error: {} }))).toBeNull();
    expect(reportOfError(new ApiError(500, 'internal', 'x'))).toBeNull();
    expect(reportOfError(new Error('x'))).toBeNull();
  });
});
