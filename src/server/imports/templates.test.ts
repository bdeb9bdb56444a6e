import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../reference/reference.service.js';
import { buildTemplate } from './export.service.js';
import { COLUMNS, IMPORT_TYPES } from './import.schema.js';
import { readTable } from './parsers.js';

const dir = join(DATA_DIR, 'templates');

describe('docs/interchange-format.md', () => {
  it('names every column in English and Chinese', () => {
    const doc = readFileSync(join(DATA_DIR, '../docs/interchange-format.md'), 'utf8');
    for (const type of IMPORT_TYPES) {
      for (const c of COLUMNS[type]) {
        expect(doc, c.name).toContain(c.name);
        expect(doc, c.zh).toContain(c.zh);
      }
    }
  });
});

describe('shipped templates', () => {
  it('are what `amity template` writes, so the two never drift apart', async () => {
    for (const type of IMPORT_TYPES) {
      for (const headers of ['en', 'zh'] as const) {
        const file = `${type}-template${headers === 'zh' ? '.zh' : ''}.csv`;
        expect(readFileSync(join(dir, file), 'utf8'), file).toBe(await buildTemplate({ type, format: 'csv', headers }));
      }
    }
  });

  it('XLSX templates carry the documented header row on the first sheet', async () => {
    for (const [file, lang] of [
      ['partnerships-template.xlsx', 'en'],
      ['partnerships-template.zh.xlsx', 'zh'],
    ] as const) {
      const table = await readTable(readFileSync(join(dir, file)), 'xlsx');
      expect(table.headers).toEqual(COLUMNS.partnerships.map((c) => (lang === 'zh' ? c.zh : c.name)));
      expect(table.rows).toEqual([]);
    }
  });
});
