import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS, DEFAULT_COLUMNS, parseColumns } from './columns';

describe('column choice', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{not json')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{"a":1}')).toEqual(DEFAULT_COLUMNS);
  });

  it('keeps known columns in table order and always the fixed ones', () => {
    expect(parseColumns('["status","bogus","id"]')).toEqual(['cn', 'partner', 'status', 'id']);
  });

  it('can show every column', () => {
    expect(parseColumns(JSON.stringify([...COLUMN_KEYS].reverse()))).toEqual([...COLUMN_KEYS]);
  });
});
