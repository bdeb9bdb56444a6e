/**
 * An office's own sheet, kept the way foreign affairs offices keep theirs: a merged title row, a
 * 序号 column, Chinese dates, short, traditional, run-together and former names. All of it reads,
 * nothing is refused, and the dry run says how each value was read. (The rows are an example sheet
 * made up for the test, not a published list.)
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PartnershipListQuerySchema } from '../../shared/schemas/partnership.js';
import { systemActor } from '../auth/actor.js';
import { listPartnerships } from '../partnerships/partnership.service.js';
import { createTestDb } from '../testing/test-db.js';
import { importData } from './import.service.js';

const handle = await createTestDb();
const db = handle.db;

const HEADERS = ['序号', '中方城市', '外方城市', '国家', '结好时间', '备注'];
const ROWS = [
  [1, '長沙市', '光州', '韓國', '1982年10月30日', ''],
  [2, '湘西州', '乌兰巴托', '蒙古国', '一九九八年十月', ''],
  [3, '元江县', '琅勃拉邦', '老挝人民民主共和国', '2009.6', ''],
  [4, '吴江市', '塔尔图', '爱沙尼亚', '2004/5/12', '2005 年名单所载'],
  [5, '湖南省长沙市', '圣保罗', 'Brazil', '30254', '日期单元格被粘贴为数字'],
];

async function officeWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('友城一览');
  sheet.addRow(['湖南省国际友好城市一览表']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(HEADERS);
  for (const row of ROWS) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("an office's own sheet", () => {
  it('reads all five rows with nothing refused, and shows each reading', async () => {
    const data = await officeWorkbook();
    const report = await importData({ db, data, fileName: '友城一览.xlsx', dryRun: true, lang: 'zh-CN' });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 5, added: 5, headerRow: 2 });
    expect(report.ignoredColumns).toEqual([{ column: '序号', reason: 'serial' }]);
    const read = (row: number, column: string) =>
      report.readings.find((r) => r.row === row && r.column === column)?.reading;
    expect(read(3, '中方城市')).toBe('湖南省/长沙市 (430100)');
    expect(read(3, '国家')).toBe('韩国（KR）');
    expect(read(3, '结好时间')).toBe('1982-10-30（精确到日，中文日期）');
    expect(read(4, '中方城市')).toBe('湖南省/湘西土家族苗族自治州 (433100)');
    expect(read(4, '国家')).toBe('蒙古（MN）');
    expect(read(4, '结好时间')).toBe('1998-10（精确到月，中文数字日期）');
    expect(read(5, '中方城市')).toBe('云南省/玉溪市/元江哈尼族彝族傣族自治县 (530428)');
    expect(read(5, '国家')).toBe('老挝（LA）');
    expect(read(5, '结好时间')).toBe('2009-06（精确到月，圆点写法）');
    expect(read(6, '中方城市')).toMatch(
      /^江苏省\/苏州市\/吴江区 \(320509\)（旧称（吴江市 320584，GB\/T 2260 代码表列至 2010-12/,
    );
    expect(read(6, '结好时间')).toBe('2004-05-12（精确到日，斜杠写法）');
    expect(read(7, '中方城市')).toBe('湖南省/长沙市 (430100)（名称连写）');
    // An English or ISO name is as the registry writes it: no reading to check.
    expect(read(7, '国家')).toBeUndefined();
    expect(read(7, '结好时间')).toBe('1982-10-30（精确到日，Excel 日期序号）');
    expect(report.readingCount).toBe(13);
  });

  it('imports them, each date at its precision, and the English report reads the same', async () => {
    const data = await officeWorkbook();
    const en = await importData({ db, data, fileName: '友城一览.xlsx', dryRun: true, lang: 'en' });
    expect(en.readings.find((r) => r.row === 6 && r.field === 'cn_division')?.reading).toMatch(
      /^江苏省\/苏州市\/吴江区 \(320509\) \(a former name \(吴江市 320584, listed in GB\/T 2260 until 2010-12, then recoded\)\)$/,
    );
    const report = await importData({ db, data, fileName: '友城一览.xlsx' });
    expect(report).toMatchObject({ ok: true, added: 5 });
    const list = await listPartnerships({
      db,
      actor: systemActor('test'),
      query: PartnershipListQuerySchema.parse({ q: '乌兰巴托' }),
    });
    expect(list.data[0]).toMatchObject({
      cn: { code: '433100' },
      establishedOn: '1998-10',
      establishedPrecision: 'month',
      partner: { nameZh: '乌兰巴托', nameEn: null, country: { iso2: 'MN' } },
    });
  });

  it('prefers the file’s own province when it suggests a division for an unknown name', async () => {
    const suggestionsFor = async (rows: string) => {
      const file = `中方城市,外方城市,国家\n${rows}龙山市,丙城,GH\n`;
      const report = await importData({ db, data: file, fileName: 'x.csv', dryRun: true });
      const problem = report.problems.find((p) => p.value === '龙山市');
      expect(problem?.rule).toBe('unknown_division');
      return problem?.suggestions ?? [];
    };
    // 龙山县 (Hunan) and 龙山区 (Jilin) are as close: the province of the file's other rows decides.
    expect((await suggestionsFor('长沙市,甲城,GH\n株洲市,乙城,GH\n'))[0]).toBe(
      '湖南省/湘西土家族苗族自治州/龙山县 (433130)',
    );
    expect((await suggestionsFor('长春市,甲城,GH\n吉林市,乙城,GH\n'))[0]).toBe('吉林省/辽源市/龙山区 (220402)');
  });

  it('finds the slip that sounds the same, and says an abolished division is one', async () => {
    const file = '中方城市,外方城市,国家\n株州市,甲城,GH\n崇文区,乙城,GH\n';
    const report = await importData({ db, data: file, fileName: 'x.csv', dryRun: true, lang: 'zh-CN' });
    const [slip, abolished] = report.problems;
    expect(slip?.suggestions?.[0]).toBe('湖南省/株洲市 (430200)');
    expect(abolished).toMatchObject({ rule: 'former_division', value: '崇文区' });
    expect(abolished?.message).toContain('GB/T 2260 代码表列至 2009-12');
  });
});
