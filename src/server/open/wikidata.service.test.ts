import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { auditLog } from '../db/schema.js';
import { loadDemo } from '../demo/demo.service.js';
import { updateForeignPlace } from '../partnerships/partner-place.service.js';
import { buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { putOpenScope } from './publication.service.js';
import {
  confirmWikidataMatch,
  quickStatements,
  quickStatementsTime,
  wikidataDifferences,
  wikidataMatches,
} from './wikidata.service.js';
import { parseExtractDate, readWikidataExtract } from './wikidata-extract.js';

const handle = await createTestDb();
const actor = systemActor('test');
const CHANGSHA = 'Q174091';
const ZHUZHOU = 'Q198266';
const SOURCE = 'https://example.org/report';

function extractDir(relations: string[], names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'amity-wd-'));
  writeFileSync(join(dir, 'relations.tsv'), `${relations.join('\n')}\n`);
  writeFileSync(join(dir, 'names.tsv'), `${names.join('\n')}\n`);
  return dir;
}

/** A pair of 430100 or 430200 with a partner that has a Wikidata item. */
async function pair(cnCode: string, nameEn: string, qid: string | null, extra: Record<string, unknown> = {}) {
  const created = await buildPartnership(handle, {
    cnCode,
    partner: { countryIso2: 'DE', nameEn },
    sourceUrl: SOURCE,
    ...extra,
  });
  if (qid) await updateForeignPlace({ db: handle.db, actor, id: created.partner.id, input: { wikidataId: qid } });
  return created;
}

let extract: ReturnType<typeof readWikidataExtract>;
let ids: Record<string, number>;

beforeAll(async () => {
  await putOpenScope({ db: handle.db, actor, scope: '430000', input: { isPublic: true } });
  ids = {
    year: (await pair('430100', 'Yearburg', 'Q901', { establishedOn: '1985' })).id,
    month: (await pair('430100', 'Monthburg', 'Q902', { establishedOn: '1999-04' })).id,
    ended: (
      await pair('430100', 'Endburg', 'Q903', { establishedOn: '2001-02-03', status: 'ended', endedOn: '2015-06-30' })
    ).id,
    both: (await pair('430100', 'Bothburg', 'Q904', { establishedOn: '1990-05-06' })).id,
    oneSided: (await pair('430100', 'Halfburg', 'Q905', { establishedOn: '2010' })).id,
    noDate: (await pair('430100', 'Datelessburg', 'Q906', { establishedOn: null })).id,
    noSource: (await pair('430100', 'Sourcelessburg', 'Q907', { sourceUrl: null })).id,
    circular: (await pair('430100', 'Circleburg', 'Q908', { sourceUrl: 'https://www.wikidata.org/wiki/Q174091' })).id,
    noItem: (await pair('430100', 'Itemlessburg', null)).id,
    withheld: (await pair('430200', 'Hiddenburg', 'Q909', { establishedOn: '2000', isPublic: false })).id,
    otherDate: (await pair('430200', 'Dateburg', 'Q910', { establishedOn: '1994-07' })).id,
  };
  extract = readWikidataExtract(
    extractDir(
      [
        `${CHANGSHA}\tQ904`,
        `Q904\t${CHANGSHA}`,
        `Q905\t${CHANGSHA}`,
        `${ZHUZHOU}\tQ910\t+1994-08-00T00:00:00Z/10`,
        `Q910\t${ZHUZHOU}\t1994-08`,
        `${ZHUZHOU}\tQ999`,
      ],
      ['Q999\tPartnerstadt', 'Q904\tBothburg', 'Q950\tItemlessburg'],
    ),
  );
});

describe('the QuickStatements file', () => {
  it('adds the statements Wikidata lacks, both directions, for sourced and dated pairs with two items', async () => {
    const result = await quickStatements({ db: handle.db, actor, extract });
    expect(result.written.map((p) => p.id).sort()).toEqual([ids.year, ids.month, ids.ended, ids.oneSided].sort());
    expect(result.skipped).toEqual({
      noWikidataItem: 1,
      noSource: 1,
      sourceIsWikidata: 1,
      noDate: 1,
      alreadyInWikidata: 2,
    });
  });

  it('writes every line with its mirror, a P580 at the precision of the date, and a P854/P813 reference', async () => {
    const { lines, written } = await quickStatements({ db: handle.db, actor, extract });
    expect(lines.length).toBe(written.length * 2);
    const set = new Set(lines.map((l) => l.split('\t').slice(0, 3).join(' ')));
    for (const line of lines) {
      const [a, p, b, ...rest] = line.split('\t');
      expect(p).toBe('P190');
      expect(set.has(`${b} P190 ${a}`)).toBe(true);
      const cells = rest.join('\t');
      expect(cells).toMatch(
        /^P580\t\+\d{4}-\d{2}-\d{2}T00:00:00Z\/(9|10|11)(\tP582\t\+\d{4}-\d{2}-\d{2}T00:00:00Z\/11)?\tS854\t"https:\/\/example\.org\/report"\tS813\t\+\d{4}-\d{2}-\d{2}T00:00:00Z\/11$/,
      );
    }
    const of = (qid: string) => lines.find((l) => l.startsWith(`${CHANGSHA}\tP190\t${qid}\t`)) ?? '';
    expect(of('Q901')).toContain('P580\t+1985-00-00T00:00:00Z/9\t');
    expect(of('Q902')).toContain('P580\t+1999-04-00T00:00:00Z/10\t');
    expect(of('Q903')).toContain('P580\t+2001-02-03T00:00:00Z/11\tP582\t+2015-06-30T00:00:00Z/11\t');
    expect(of('Q905')).toContain('P580\t+2010-00-00T00:00:00Z/9\t');
    expect(lines.join('\n')).not.toContain('Q909');
  });

  it('writes times as QuickStatements reads them', () => {
    expect(quickStatementsTime('1982-01-01', 'year')).toBe('+1982-00-00T00:00:00Z/9');
    expect(quickStatementsTime('1982-10-01', 'month')).toBe('+1982-10-00T00:00:00Z/10');
    expect(quickStatementsTime('1982-10-30', 'day')).toBe('+1982-10-30T00:00:00Z/11');
    expect(parseExtractDate('+1982-00-00T00:00:00Z/9')).toEqual({ date: '1982-01-01', precision: 'year' });
    expect(parseExtractDate('+1982-10-00T00:00:00Z/10')).toEqual({ date: '1982-10-01', precision: 'month' });
  });
});

describe('the "differs from Wikidata" list', () => {
  it('names partners only one side knows, statements on one item only, and dates that disagree', async () => {
    const { differences } = await wikidataDifferences({ db: handle.db, actor, extract });
    const seen = differences.map(
      (d) => `${d.kind} ${d.cnCode} ${d.partnerQid} ${d.amityStart ?? ''}>${d.wikidataStart ?? ''}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'one_sided_in_wikidata 430100 Q905 2010>',
        'only_in_amity 430100 Q901 1985>',
        'start_differs 430200 Q910 1994-07>1994-08',
        'only_in_wikidata 430200 Q999 >',
      ]),
    );
    // The withheld pair is the office's own check too; pairs stated both ways without dates agree.
    expect(seen.some((s) => s.includes('Q909'))).toBe(true);
    expect(seen.some((s) => s.includes('Q904'))).toBe(false);
    expect(differences.find((d) => d.partnerQid === 'Q999')?.partnerLabel).toBe('Partnerstadt');
  });
});

describe('Wikidata items for places', () => {
  it('proposes items by label, with a confidence, and sets one only when confirmed (audited)', async () => {
    const proposals = await wikidataMatches({ db: handle.db, actor, extract });
    const itemless = proposals.find((p) => p.qid === 'Q950');
    expect(itemless).toMatchObject({ confidence: 'medium', label: 'Itemlessburg' });
    const placeId = itemless?.placeId as number;
    await confirmWikidataMatch({ db: handle.db, actor, placeId, qid: 'Q950' });
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.entity, 'foreign_place'));
    expect(
      trail.some((t) => t.entityId === placeId && (t.after as { wikidataId?: string }).wikidataId === 'Q950'),
    ).toBe(true);
    await expect(confirmWikidataMatch({ db: handle.db, actor, placeId, qid: 'X1' })).rejects.toThrow(
      /not a Wikidata item id/,
    );
  });
});

describe('reading an extract', () => {
  it('refuses a bad line with its file, line and what is wrong', () => {
    const dir = extractDir([`${CHANGSHA}\tQ904`, 'Q1\tnot-an-item'], []);
    expect(() => readWikidataExtract(dir)).toThrow(/relations\.tsv:2: "not-an-item" is not a Wikidata item id/);
    const dated = extractDir([`${CHANGSHA}\tQ904\t1982-13`], []);
    expect(() => readWikidataExtract(dated)).toThrow(/the start "1982-13" is not a date/);
    expect(() => readWikidataExtract('/nonexistent')).toThrow(/is not a folder holding relations\.tsv/);
  });
});

const EXTRACT_2016 = join(import.meta.dirname, '../../../../shared/data/wikidata-p190-2016');

describe.skipIf(!existsSync(EXTRACT_2016))('the demo beside the 2016 P190 extract', () => {
  it('reads the extract, and finds the one partner Wikidata states that the demo holds under another name', async () => {
    const real = readWikidataExtract(EXTRACT_2016);
    expect(real.statementCount).toBe(34_178);
    expect(real.labels.get(CHANGSHA)).toBe('Changsha');
    const demo = await createTestDb();
    await loadDemo({ db: demo.db });
    const { differences, divisionsWithItem } = await wikidataDifferences({ db: demo.db, actor, extract: real });
    expect(divisionsWithItem).toBe(6);
    // Wikidata's Changsha–Kimberley is the Wikipedia lists' Changsha–Sol Plaatje (data/demo/README.md).
    expect(differences.map((d) => `${d.kind} ${d.cnQid} ${d.partnerQid} ${d.partnerLabel}`)).toEqual([
      'only_in_wikidata Q174091 Q125905 Kimberley',
    ]);
    const qs = await quickStatements({ db: demo.db, actor, extract: real });
    // The demo's Wikidata pairs are in the extract or cite it; the others' partners have no item yet.
    expect(qs.lines).toEqual([]);
    expect(qs.skipped).toMatchObject({ alreadyInWikidata: 1, sourceIsWikidata: 13 });
    const proposals = await wikidataMatches({ db: demo.db, actor, extract: real });
    expect(proposals.find((p) => p.place.includes('Brazzaville'))).toMatchObject({
      qid: 'Q3844',
      confidence: 'medium',
    });
  });
});
