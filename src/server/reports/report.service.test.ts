/**
 * The annual report on a fixed fixture: the overview in both languages, the figures and the records
 * behind them, the DOCX as a valid Word package whose text holds the computed figures, Markdown and
 * HTML, the comparison, and who may ask for it.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../activities/activity.service.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { createBenchmark } from '../benchmarks/benchmark.service.js';
import type { DbHandle } from '../db/client.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { composeReport } from './report.compose.js';
import { checkRecords, idRanges } from './report.records.js';
import { collectReportData, generateReport } from './report.service.js';

const system = systemActor('test');
const AS_OF = '2024-11-28';

let handle: DbHandle;
const ids: Record<string, number> = {};

/** Hunan: 1 provincial, 3 city, 1 county in force on AS_OF; 1 ended and 1 signed after AS_OF do not count. */
beforeAll(async () => {
  handle = await createTestDb();
  const pair = async (key: string, input: Parameters<typeof buildPartnership>[1]) => {
    ids[key] = (await buildPartnership(handle, input)).id;
  };
  await pair('oudomxay', {
    cnCode: '430000',
    partner: { countryIso2: 'LA', nameEn: 'Oudomxay', nameZh: '乌多姆赛省' },
    establishedOn: '2020-12-22',
  });
  await pair('kagoshima', {
    cnCode: '430100',
    partner: { countryIso2: 'JP', nameEn: 'Kagoshima', nameZh: '鹿儿岛' },
    establishedOn: '1982-10-30',
  });
  await pair('mogilev', {
    cnCode: '430100',
    partner: { countryIso2: 'BY', nameEn: 'Mogilev', nameZh: '莫吉廖夫' },
    establishedOn: undefined,
    status: 'dormant',
  });
  await pair('musoma', {
    cnCode: '430300',
    partner: { countryIso2: 'TZ', nameEn: 'Musoma', nameZh: '穆索马' },
    establishedOn: '2024-05',
  });
  await pair('kirishima', {
    cnCode: '430181',
    partner: { countryIso2: 'JP', nameEn: 'Kirishima', nameZh: '雾岛' },
    establishedOn: '2019',
  });
  await pair('ended', {
    cnCode: '430100',
    partner: { countryIso2: 'US', nameEn: 'Endedville' },
    establishedOn: '1990',
    status: 'ended',
    endedOn: '2010-01-01',
  });
  await pair('later', {
    cnCode: '430100',
    partner: { countryIso2: 'FR', nameEn: 'Laterville' },
    establishedOn: '2025-03',
  });
  await pair('elsewhere', {
    cnCode: '320100',
    partner: { countryIso2: 'DE', nameEn: 'Elsewhere' },
    establishedOn: '2019',
  });
  for (const [scopeCode, total] of [
    ['320000', 300],
    ['440000', 200],
    ['620000', 2],
  ] as const) {
    await createBenchmark({
      db: handle.db,
      actor: system,
      input:
        scopeCode === '320000'
          ? {
              scopeCode,
              kind: 'friendship',
              total,
              asOf: '2024-06',
              // As offices write them: the publisher, then working notes a reader must not see.
              source: 'Jiangsu foreign affairs office work news, 2024-06; NOTE the page says 16+37+9 = 62',
              sourceUrl: 'https://www.jsfao.gov.cn/art/2024/6/1/art_1.html',
            }
          : { scopeCode, kind: 'friendship', total, asOf: '2024-06', source: `fixture ${scopeCode}` },
    });
  }
  const activity = async (
    type: 'agreement' | 'delegation_out' | 'delegation_in',
    occurredOn: string,
    titleZh: string,
  ) =>
    createActivity({
      db: handle.db,
      actor: system,
      input: { partnershipId: ids.kagoshima as number, type, occurredOn, titleZh, titleEn: `EN ${titleZh}` },
    });
  await activity('agreement', '2024-03-01', '签署友好交流备忘录');
  await activity('delegation_out', '2024-04-02', '市长率团出访');
  await activity('delegation_out', '2024-09-10', '教育代表团出访');
  await activity('delegation_in', '2024-10-01', '鹿儿岛代表团来访');
  await activity('delegation_in', '2023-10-01', '上年来访，不计入');
});

const query = (overrides: Partial<Parameters<typeof generateReport>[0]['query']> = {}) => ({
  scope: '430000',
  asOf: AS_OF,
  since: '2018',
  lang: 'zh' as const,
  format: 'md' as const,
  ...overrides,
});

describe('the overview', () => {
  it('reads the figures in Chinese, worded from the counts', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query() });
    const doc = composeReport(data);
    const first = doc.blocks.find((b) => b.type === 'paragraph');
    expect(first).toEqual({
      type: 'paragraph',
      text:
        '截至2024年11月28日，湖南省共有国际友城5对，其中省级1对、市级3对、县级1对，在可比的4个省份中排第3位' +
        '（本省为登记数，其他省份为截至该日最近一次公开发布的友城总数）。' +
        '2018年以来新增国际友城3对，平均每27.6个月新增一对。',
    });
  });

  it('reads the same figures in English', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query({ lang: 'en' }) });
    const doc = composeReport(data);
    const first = doc.blocks.find((b) => b.type === 'paragraph');
    expect(first && 'text' in first ? first.text : '').toBe(
      'As of 28 November 2024, Hunan has 5 international friendship city partnerships, including 1 at the ' +
        'provincial level, 3 at the city level and 1 at the county level, ranking 3rd of the 4 provinces compared ' +
        "(this province's registry total beside each other province's latest published total on or before that day). " +
        'Since 2018, ' +
        '3 new pairs have been established, one every 27.6 months on average.',
    );
  });

  it('a prefecture: no rank, and one level only', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query({ scope: '430300' }) });
    const first = composeReport(data).blocks.find((b) => b.type === 'paragraph');
    expect(first && 'text' in first ? first.text : '').toBe(
      '截至2024年11月28日，湘潭市共有国际友城1对，为市级。2018年以来新增国际友城1对。',
    );
  });
});

describe('records behind the figures', () => {
  it('the appendix holds exactly the pairs counted, and each figure adds up', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query() });
    expect(checkRecords(data)).toEqual([]);
    expect(data.pairs.map((p) => p.id).sort((a, b) => a - b)).toEqual(
      ['oudomxay', 'kagoshima', 'mogilev', 'musoma', 'kirishima']
        .map((k) => ids[k])
        .sort((a, b) => (a as number) - (b as number)),
    );
    // Belt and Road (沿线国家): Laos and Belarus are on the list, Japan and Tanzania are not.
    expect(data.figures.groups.bri).toEqual({ countries: 2, places: 2 });
  });

  it('the check names a figure whose records do not add up', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query() });
    expect(checkRecords({ ...data, pairs: data.pairs.slice(1) })).toContain('total: figure 5, records 4');
  });

  it('record ids are written as ranges', () => {
    expect(idRanges([9, 3, 4, 5, 7, 12, 13])).toBe('#3–5, #7, #9, #12–13');
    expect(idRanges([])).toBe('');
  });
});

describe('a text for a standing committee', () => {
  it('cites sources as a reader would, with no file path, record id or English note in Chinese', async () => {
    const zh = (await generateReport({ db: handle.db, actor: system, query: query({ format: 'md' }) })).body.toString();
    expect(zh).toContain('1. 江苏省 300（公布数字，2024年6月，jsfao.gov.cn）');
    for (const bad of ['data/groups', 'bri.csv', 'NOTE', '公布数字#', 'Jiangsu foreign']) expect(zh).not.toContain(bad);
    expect(zh).toContain('沿线国家按“一带一路”沿线国家名单，以加入日期计。');
    const en = (await generateReport({ db: handle.db, actor: system, query: query({ format: 'md', lang: 'en' }) }))
      .body;
    expect(en.toString()).toContain('1. Jiangsu 300 (published June 2024, Jiangsu foreign affairs office work news)');
    expect(en.toString()).not.toContain('NOTE');
  });
});

describe('formats', () => {
  it('DOCX is a valid Word package whose text holds the computed figures', async () => {
    const report = await generateReport({ db: handle.db, actor: system, query: query({ format: 'docx' }) });
    expect(report.fileName).toBe('report-430000-2024-11-28-zh.docx');
    const zip = await JSZip.loadAsync(report.body);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
      expect(zip.file(part), part).not.toBeNull();
    }
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(4);
    const xml = await zip.file('word/document.xml')?.async('string');
    const text: string[] = [];
    const parser = new SaxesParser();
    parser.on('text', (t) => text.push(t));
    parser.write(xml as string).close();
    const all = text.join('');
    expect(all).toContain(
      '截至2024年11月28日，湖南省共有国际友城5对，其中省级1对、市级3对、县级1对，在可比的4个省份中排第3位',
    );
    expect(all).toContain('附录一　友城名录');
    expect(all).toContain('鹿儿岛 Kagoshima');
    expect(all).not.toContain('AMITY-TABLE-');
    expect(xml?.match(/<w:tbl>/g)?.length, 'Belt and Road, appendix and provenance tables').toBeGreaterThanOrEqual(3);
    expect(xml?.includes('TOC \\h \\o &quot;1-2&quot;'), 'a TOC field over headings 1-2').toBe(true);
    const styles = await zip.file('word/styles.xml')?.async('string');
    expect(styles?.includes('w:eastAsia="SimSun"'), 'body font SimSun').toBe(true);
    expect(styles?.includes('w:eastAsia="Microsoft YaHei"'), 'heading font Microsoft YaHei').toBe(true);
    expect((await zip.file('word/footer1.xml')?.async('string'))?.includes('PAGE'), 'page number field').toBe(true);
  });

  it('the same data gives the same text, run after run', async () => {
    const a = await generateReport({ db: handle.db, actor: system, query: query({ format: 'md', lang: 'en' }) });
    const b = await generateReport({ db: handle.db, actor: system, query: query({ format: 'md', lang: 'en' }) });
    expect(a.body.equals(b.body)).toBe(true);
  });

  it('HTML: table of contents, inline charts, provenance of every figure', async () => {
    const report = await generateReport({ db: handle.db, actor: system, query: query({ format: 'html', lang: 'en' }) });
    const html = report.body.toString('utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a href="#appendix-provenance">Appendix B. Where each figure comes from</a>');
    expect(html.match(/<svg/g)?.length).toBe(4);
    expect(html).toContain(`#${ids.musoma}`);
    expect(html).toContain('2 delegations sent abroad, 1 delegation received');
    expect(html).toContain('Mogilev');
  });
});

describe('sections', () => {
  it('highlights, network and problems come from the records; missing modules say so', async () => {
    const data = await collectReportData({ db: handle.db, actor: system, query: query() });
    const text = composeReport(data)
      .blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join('\n') : ''))
      .join('\n');
    expect(text).toContain('2024年新缔结友城1对：');
    expect(text).toContain('湘潭市—穆索马（坦桑尼亚），2024年5月');
    expect(text).toContain('2024年3月1日　签署友好交流备忘录（长沙市—鹿儿岛）');
    expect(text).toContain('登记出访团组2批、来访团组1批，各类交流活动共4项。');
    expect(text).toContain('1对友城标为休眠');
    expect(text).toContain('2018年以来新增沿线友城1对，其中新伙伴国家1个（老挝）：');
    expect(text).not.toContain('上年来访，不计入');
  });

  it('compares with the previous year in words', async () => {
    const data = await collectReportData({
      db: handle.db,
      actor: system,
      query: query({ lang: 'en', compare: '2023-11-28' }),
    });
    const text = composeReport(data)
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join('\n');
    expect(text).toContain('The number of partnerships is up 1 from last year (4 → 5).');
  });

  it('a comparison date after the report date is refused', async () => {
    await expect(
      collectReportData({ db: handle.db, actor: system, query: query({ compare: '2025-01-01' }) }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('GET /api/reports/annual.{format}', () => {
  it('serves each format with its type and a file name', async () => {
    const app = buildApp(handle);
    const md = await app.request('/api/reports/annual.md?scope=430000&asOf=2024-11-28&lang=en');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain('attachment; filename="report-430000-2024-11-28-en.md"');
    expect(await md.text()).toContain('As of 28 November 2024, Hunan has 5 international');
    const html = await app.request('/api/reports/annual.html?scope=430000&asOf=2024-11-28');
    expect(html.headers.get('content-disposition')).toContain('inline');
    const docx = await app.request('/api/reports/annual.docx?scope=430000&asOf=2024-11-28');
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
  });

  it('a bad query is a 400 naming the field', async () => {
    const res = await buildApp(handle).request('/api/reports/annual.md?scope=4300&lang=fr');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['lang', 'scope']);
  });

  it('a viewer of Hunan may read it; a viewer of another province and a national report are refused', async () => {
    const viewer: Actor = {
      kind: 'user',
      id: 9,
      name: 'viewer',
      role: 'viewer',
      scopeCode: '430000',
      canSeeContacts: false,
    };
    const app = buildApp(handle, viewer);
    expect((await app.request('/api/reports/annual.md?scope=430100&asOf=2024-11-28')).status).toBe(200);
    expect((await app.request('/api/reports/annual.md?scope=320000&asOf=2024-11-28')).status).toBe(403);
    expect((await app.request('/api/reports/annual.md?scope=000000&asOf=2024-11-28')).status).toBe(403);
    expect((await buildApp(handle, null).request('/api/reports/annual.md?scope=430000')).status).toBe(401);
  });
});
