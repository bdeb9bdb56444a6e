import { describe, expect, it } from 'vitest';
import { buildPartnership } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { CliError } from '../context.js';
import { runMatch } from './match.js';

const handle = await createTestDb();
await buildPartnership(handle, { cnCode: '430100', partner: { countryIso2: 'JP', nameEn: 'Kagoshima' } });

describe('amity match', () => {
  it('prints the suggestions with their strongest reasons', async () => {
    const out = await runMatch(handle.db, { cn: '430100', limit: '3', lang: 'en' });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^长沙市 Changsha \(430100\) {2}population [\d,]+ \(GeoNames \d+ \(Changsha\)\)/);
    expect(lines[1]).toMatch(/^[\d,]+ places considered; excluded: no_relations \d+, already_paired 1$/);
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toHaveLength(3);
    expect(lines.filter((l) => /^ {10}/.test(l))).toHaveLength(9);
  });

  it('prints the exact JSON of the API with --json', async () => {
    const json = JSON.parse(await runMatch(handle.db, { cn: '430100', limit: '2', json: true }));
    expect(json.items).toHaveLength(2);
    expect(json.items[0].factors[0].text.zh).toBeTruthy();
  });

  it('names the option that is wrong', async () => {
    await expect(runMatch(handle.db, { cn: '43010' })).rejects.toThrow(CliError);
    await expect(runMatch(handle.db, { cn: '430100', weights: 'size:7' })).rejects.toThrow(/^--weights: /);
    await expect(runMatch(handle.db, { cn: '999999' })).rejects.toThrow(/^--cn: 999999 is not a GB\/T 2260 division/);
  });
});
