import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/schemas/imports';
import { ApiError } from '../../api/client';
import {
  contentTypeOf,
  duplicateFields,
  IGNORE,
  initialChoices,
  mappingOf,
  reportOfError,
  unmapped,
} from './import-model';

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

describe('the column mapping of the wizard', () => {
  const preview = {
    fileName: '名单.xlsx',
    format: 'xlsx',
    sheets: ['友城', '说明'],
    sheet: '友城',
    type: 'partnerships',
    detected: true,
    headerRow: 2,
    rows: 5,
    columns: [
      { index: 0, letter: 'A', header: '序号', field: null, how: 'serial', samples: ['1'] },
      { index: 1, letter: 'B', header: '中方城市', field: 'cn_division', how: 'known', samples: ['湘西州'] },
      { index: 2, letter: 'C', header: '外方城市名', field: null, how: 'unknown', samples: ['Ulaanbaatar'] },
      { index: 3, letter: 'D', header: '', field: null, how: 'empty', samples: [] },
    ],
    fields: [],
    sample: [],
    problems: [],
  } as ImportPreview;

  it('starts from the preview: known fields kept, left-out columns ignored, unknown ones open', () => {
    const choices = initialChoices(preview);
    expect(choices).toEqual([IGNORE, 'cn_division', undefined, IGNORE]);
    expect(unmapped(preview, choices)).toEqual(['外方城市名']);
  });

  it('writes the mapping of the choices, with the sheet and the header row', () => {
    const choices = ['partner_name_en', 'cn_division', 'partner_name_en', IGNORE];
    expect(duplicateFields(choices)).toEqual(['partner_name_en']);
    expect(mappingOf(preview, [IGNORE, 'cn_division', 'partner_name_en', IGNORE])).toEqual({
      version: 1,
      type: 'partnerships',
      sheet: '友城',
      headerRow: 2,
      columns: { 序号: null, 中方城市: 'cn_division', 外方城市名: 'partner_name_en', D: null },
    });
    expect(mappingOf(preview, [undefined, 'cn_division', undefined, undefined]).columns).toEqual({
      中方城市: 'cn_division',
    });
  });
});
