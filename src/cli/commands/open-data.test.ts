/**
 * The open-data commands with a person's arguments (run in this process: runAmity), on the demo's data: the package written and
 * read back into an empty database with the same figures; the QuickStatements file and the
 * "differs from Wikidata" list against the 2016 extract when ../shared/data is there.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.js';
import { loadDemo } from '../../server/demo/demo.service.js';
import { createTestDataDir } from '../../server/testing/test-db.js';
import { runAmity } from '../testing/run-amity.js';

const ROOT = new URL('../../..', import.meta.url).pathname;
const EXTRACT = join(ROOT, '../shared/data/wikidata-p190-2016');
const work = mkdtempSync(join(tmpdir(), 'amity-open-cli-'));
const origin = join(work, 'origin');

function amity(args: string[]): Promise<{ code: number; out: string }> {
  return runAmity(args, { env: { DATABASE_URL: '' } });
}

beforeAll(async () => {
  await createTestDataDir(origin);
  const handle = await openDatabase({ dataDir: origin });
  await loadDemo({ db: handle.db });
  await handle.close();
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('amity export-open and import-open', () => {
  it('writes the demo’s package, and reading it into an empty database gives the same figures', async () => {
    const dir = join(work, 'package');
    const zip = join(work, 'package.zip');
    const exported = await amity(['--db', origin, 'export-open', dir, '--zip', zip, '--scope', '430000']);
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toMatch(/partnerships 55, benchmarks 25/);
    expect(exported.out).toContain('consider --license CC-BY-SA-4.0');
    for (const file of ['datapackage.json', 'data/partnerships.csv', 'amity-open-data.xlsx', 'dataset.jsonld']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const copy = await createTestDataDir(join(work, 'copy'));
    const imported = await amity(['--db', copy, 'import-open', zip]);
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toContain('imported 55 partnerships, 54 places, 25 benchmarks and 0 country groups');
    const figures = ['figures', '--scope', '430000', '--as-of', '2024-11-28', '--since', '2018', '--json'];
    const [a, b] = await Promise.all([amity(['--db', origin, ...figures]), amity(['--db', copy, ...figures])]);
    expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
    const again = await amity(['--db', copy, 'import-open', dir]);
    expect(again.code).toBe(2);
    expect(again.out).toContain('already holds 55 partnerships');
  }, 240_000);

  it('refuses a bad licence or a missing package with exit code 2', async () => {
    const licence = await amity(['--db', origin, 'export-open', join(work, 'x'), '--license', 'MIT']);
    expect(licence.code).toBe(2);
    expect(licence.out).toContain('--license MIT: give one of CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0');
    const missing = await amity(['--db', join(work, 'none'), 'import-open', join(work, 'nothing.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('no such file or folder');
  }, 60_000);
});

describe.skipIf(!existsSync(EXTRACT))('amity wikidata on the demo and the 2016 extract', () => {
  it('writes the QuickStatements file and the differs list, and says what it left out', async () => {
    const qs = join(work, 'hunan.qs');
    const written = await amity(['--db', origin, 'wikidata', 'quickstatements', qs, '--extract', EXTRACT]);
    expect(written.code, written.out).toBe(0);
    expect(written.out).toContain('0 statements (0 pairs, both directions)');
    expect(written.out).toContain('13 sourced to Wikidata itself');
    expect(readFileSync(qs, 'utf8')).toBe('');
    const differs = join(work, 'differs.csv');
    const listed = await amity(['--db', origin, 'wikidata', 'differs', differs, '--extract', EXTRACT]);
    expect(listed.code, listed.out).toBe(0);
    expect(readFileSync(differs, 'utf8')).toContain(
      'only_in_wikidata,430100,长沙市 Changsha,Q174091,Q125905,Kimberley',
    );
    const proposals = await amity(['--db', origin, 'wikidata', 'match', '--extract', EXTRACT]);
    const line = proposals.out.split('\n').find((l) => l.includes('Brazzaville')) ?? '';
    expect(line).toMatch(
      /^medium place \d+ 布拉柴维尔 Brazzaville \(CG\) → Q3844 — the only item labelled "Brazzaville"/,
    );
    const placeId = /place (\d+)/.exec(line)?.[1];
    const confirmed = await amity([
      '--db',
      origin,
      'wikidata',
      'match',
      '--extract',
      EXTRACT,
      '--confirm',
      `${placeId}=Q3844`,
    ]);
    expect(confirmed.code, confirmed.out).toBe(0);
    expect(confirmed.out).toContain(`place ${placeId} Brazzaville: wikidata Q3844`);
    const after = await amity(['--db', origin, 'wikidata', 'quickstatements', qs, '--extract', EXTRACT]);
    expect(after.out).toContain('2 statements (1 pairs, both directions)');
    expect(readFileSync(qs, 'utf8').split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /^Q174091\tP190\tQ3844\tP580\t\+1982-08-00T00:00:00Z\/10\tS854\t"https:\/\/en\.wikipedia\.org\/wiki\/List_of_twin_towns_and_sister_cities_in_China"\tS813\t\+\d{4}-\d{2}-\d{2}T00:00:00Z\/11$/,
      ),
      expect.stringMatching(/^Q3844\tP190\tQ174091\tP580\t\+1982-08-00T00:00:00Z\/10\tS854\t/),
    ]);
  }, 240_000);
});
