import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_MARKER, demoBanner, prepareDemoDir } from './demo.js';

const root = mkdtempSync(join(tmpdir(), 'amity-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dirWith(name: string, files: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file), 'x');
  return dir;
}

describe('prepareDemoDir', () => {
  it('accepts a missing or empty directory, and memory://', () => {
    expect(() => prepareDemoDir(join(root, 'missing'))).not.toThrow();
    expect(() => prepareDemoDir(dirWith('empty', []))).not.toThrow();
    expect(() => prepareDemoDir('memory://')).not.toThrow();
  });

  it('deletes a database that amity demo made', () => {
    const dir = dirWith('demo', ['PG_VERSION', DEMO_MARKER]);
    prepareDemoDir(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a file or a directory that is not an embedded database', () => {
    const file = join(root, 'file.txt');
    writeFileSync(file, 'x');
    expect(() => prepareDemoDir(file)).toThrow(/a file/);
    const dir = dirWith('documents', ['report.docx']);
    expect(() => prepareDemoDir(dir, { force: true })).toThrow(/no PG_VERSION/);
    expect(existsSync(join(dir, 'report.docx'))).toBe(true);
  });

  it('refuses an embedded database it did not make, unless forced', () => {
    const dir = dirWith('registry', ['PG_VERSION']);
    expect(() => prepareDemoDir(dir)).toThrow(/--force/);
    expect(existsSync(dir)).toBe(true);
    prepareDemoDir(dir, { force: true });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('demoBanner', () => {
  const figure = { source: 's', sourceUrl: null };
  it('labels the data as demo data and gives the gap to the published total', () => {
    const lines = demoBanner({
      province: { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
      recordsHeld: 55,
      heldByLevel: { provincial: 6, city: 47, county: 2 },
      published: { total: 120, provincial: null, city: null, county: null, asOf: '2025-06-13', ...figure },
      publishedByLevel: { total: 110, provincial: 31, city: 66, county: 13, asOf: '2024-11-28', ...figure },
      gap: 65,
    });
    expect(lines[0]).toMatch(/^DEMO DATA/);
    expect(lines.join('\n')).toContain('records held: 55; published total: 120 (2025-06-13); gap: 65');
    expect(lines.join('\n')).toContain('provincial 6 of 31, city 47 of 66, county 2 of 13');
  });
});
