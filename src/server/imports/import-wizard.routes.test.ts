/**
 * The wizard's API on a real database: a preview of an office sheet, an import with a mapping sent
 * as a form field and with a saved one, the saved mappings' life, the problem workbook's round trip,
 * and undo — of added and changed pairs, refused a second time and after a later edit.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRun, SavedMapping, UndoResult } from '../../shared/schemas/imports.js';
import type { Actor } from '../auth/actor.js';
import { getPartnership, updatePartnership } from '../partnerships/partnership.service.js';
import { buildApp, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import type { ImportReport } from './import.schema.js';

const handle = await createTestDb();
const hunanEditor: Actor = {
  kind: 'user',
  id: 7,
  name: 'hunan-editor',
  role: 'editor',
  scopeCode: '430000',
  canSeeContacts: false,
};
const app = buildApp(handle, hunanEditor);
const changshaApp = buildApp(handle, { ...hunanEditor, id: 8, name: 'changsha-editor', scopeCode: '430100' });

const SHEET =
  '湖南省国际友好城市一览表,,,,\n序号,中方城市,外方城市名,所在国,签订日期\n1,湘西州,Wizardville,蒙古国,1982年10月30日\n2,長沙市,Wizardtown,韓國,2001.5\n';

function upload(path: string, file: string, name: string, fields: Record<string, string> = {}, on = app) {
  const form = new FormData();
  form.set('file', new File([file], name, { type: 'text/csv' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return on.request(path, { method: 'POST', body: form, headers: { 'accept-language': 'zh-CN' } });
}

const MAPPING = { version: 1, columns: { 外方城市名: 'partner_name_en', 所在国: 'partner_country' } };

describe('the import wizard API', () => {
  it('previews an office sheet: header row found, columns known, serial left out, the unknown to map', async () => {
    const res = await upload('/api/imports/preview', SHEET, '名单.csv');
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ImportPreview;
    expect(preview).toMatchObject({ type: 'partnerships', detected: true, headerRow: 2, rows: 2, format: 'csv' });
    expect(preview.columns.map((c) => `${c.header}:${c.how}:${c.field}`)).toEqual([
      '序号:serial:null',
      '中方城市:known:cn_division',
      '外方城市名:unknown:null',
      '所在国:known:partner_country',
      '签订日期:known:established_on',
    ]);
    expect(preview.columns[1]?.samples).toEqual(['湘西州', '長沙市']);
    expect(preview.fields.find((f) => f.name === 'partner_name_en')?.label).toBe('外方城市英文名');
    expect(preview.problems.map((p) => p.rule)).toContain('unknown_column');

    const mapped = (await (
      await upload('/api/imports/preview', SHEET, '名单.csv', { mapping: JSON.stringify(MAPPING) })
    ).json()) as ImportPreview;
    expect(mapped.columns[2]).toMatchObject({ how: 'mapped', field: 'partner_name_en' });
    expect(mapped.problems).toEqual([]);
  });

  it('refuses a bad mapping and a header row the sheet lacks, saying how to fix them', async () => {
    const bad = await upload('/api/imports/preview', SHEET, '名单.csv', { mapping: '{"version": 2}' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain('mapping.version');
    const noRow = await upload('/api/imports/preview?headerRow=40', SHEET, '名单.csv');
    expect(noRow.status).toBe(400);
  });

  it('imports with the mapping as a form field, each value read as shown in the dry run', async () => {
    const dry = await upload('/api/imports?dryRun=true', SHEET, '名单.csv', { mapping: JSON.stringify(MAPPING) });
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as ImportReport;
    expect(report).toMatchObject({ ok: true, added: 2, readingCount: 6 });
    expect(report.readings.map((r) => r.reading)).toContain('湖南省/湘西土家族苗族自治州 (433100)');
    const done = (await (
      await upload('/api/imports', SHEET, '名单.csv', { mapping: JSON.stringify(MAPPING) })
    ).json()) as ImportReport;
    expect(done).toMatchObject({ ok: true, added: 2 });
  });

  it('saves a mapping for the office, reuses it by id, renames it with its version, and deletes it', async () => {
    const created = await app.request(
      '/api/import-mappings',
      jsonInit('POST', { name: '省外办名单', mapping: MAPPING }),
    );
    expect(created.status).toBe(201);
    const saved = (await created.json()) as SavedMapping;
    expect(saved).toMatchObject({ scopeCode: '430000', name: '省外办名单', version: 1, createdBy: 'hunan-editor' });
    const twice = await app.request('/api/import-mappings', jsonInit('POST', { name: '省外办名单', mapping: MAPPING }));
    expect(twice.status).toBe(409);

    const dry = await upload(`/api/imports?dryRun=true&mappingId=${saved.id}`, SHEET, '名单.csv');
    expect(((await dry.json()) as ImportReport).ok).toBe(true);

    // A city office sees the province's mapping, and may use it, but not change it.
    const seen = (await (await changshaApp.request('/api/import-mappings')).json()) as { data: SavedMapping[] };
    expect(seen.data.map((m) => m.name)).toEqual(['省外办名单']);
    const foreign = await changshaApp.request(
      `/api/import-mappings/${saved.id}`,
      jsonInit('PATCH', { name: 'x', version: 1 }),
    );
    expect(foreign.status).toBe(403);

    const renamed = await app.request(
      `/api/import-mappings/${saved.id}`,
      jsonInit('PATCH', { name: '年度名单', version: 1 }),
    );
    expect(((await renamed.json()) as SavedMapping).version).toBe(2);
    const stale = await app.request(`/api/import-mappings/${saved.id}`, jsonInit('PATCH', { name: 'y', version: 1 }));
    expect(stale.status).toBe(409);
    expect((await app.request(`/api/import-mappings/${saved.id}?version=1`, { method: 'DELETE' })).status).toBe(409);
    expect((await app.request(`/api/import-mappings/${saved.id}?version=2`, { method: 'DELETE' })).status).toBe(204);
    const none = (await (await app.request('/api/import-mappings')).json()) as { data: SavedMapping[] };
    expect(none.data).toEqual([]);
  });

  it('writes the problem report as a workbook that imports again once fixed', async () => {
    const wrong = '中方城市,外方城市英文名,国家,结好时间\n长沙市,Fixville,Ghanna,1999\n长沙市,Fixtown,GH,1999-02-30\n';
    const res = await upload('/api/imports/problems.xlsx', wrong, '待修正.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-problem-count')).toBe('2');
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%E5%BE%85%E4%BF%AE%E6%AD%A3.%E9%97%AE%E9%A2%98.xlsx",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('导入问题（重新导入时忽略）');
    expect(String(sheet.getCell('A2').value)).toContain('无法识别的国家');
    expect(String(sheet.getCell('A2').value)).toContain('Ghana (GH)');
    expect(String(sheet.getCell('A3').value)).toContain('1999 年 2 月没有 28 日'.replace('28', '30'));
    // Fixed in the workbook and uploaded again: the problem column is left out, the rows import.
    sheet.getCell('D2').value = 'GH';
    sheet.getCell('E3').value = '1999-02-28';
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const form = new FormData();
    form.set('file', new File([fixed], '待修正.xlsx'));
    const again = (await (await app.request('/api/imports', { method: 'POST', body: form })).json()) as ImportReport;
    expect(again).toMatchObject({ ok: true, added: 2 });
    expect(again.ignoredColumns).toEqual([{ column: '导入问题（重新导入时忽略）', reason: 'problems' }]);
  });

  it('undoes an import: its new pairs removed, its changes put back; not twice, not after a later edit', async () => {
    const first = 'cn_division_code,partner_name_en,partner_country,notes\n430100,Undoville,GH,as signed\n';
    const base = (await (await upload('/api/imports', first, 'a.csv')).json()) as ImportReport;
    const second =
      'cn_division_code,partner_name_en,partner_country,notes\n430100,Undoville,GH,changed by file\n430100,Undotown,GH,new\n';
    const run = (await (await upload('/api/imports', second, 'b.csv')).json()) as ImportReport;
    expect(run).toMatchObject({ ok: true, added: 1, updated: 1 });

    const runs = (await (await app.request('/api/imports/runs')).json()) as { data: ImportRun[] };
    expect(runs.data[0]).toMatchObject({
      id: run.runId,
      fileName: 'b.csv',
      actorName: 'hunan-editor',
      added: 1,
      updated: 1,
    });

    const undo = await app.request(`/api/imports/runs/${run.runId}/undo`, { method: 'POST' });
    expect(undo.status).toBe(200);
    expect((await undo.json()) as UndoResult).toEqual({ runId: run.runId, removed: 1, restored: 1 });
    const list = await app.request('/api/partnerships?q=undo');
    const pairs = ((await list.json()) as { data: { id: number; notes: string | null; partner: { nameEn: string } }[] })
      .data;
    expect(pairs.map((p) => `${p.partner.nameEn}:${p.notes}`)).toEqual(['Undoville:as signed']);

    const again = await app.request(`/api/imports/runs/${run.runId}/undo`, { method: 'POST' });
    expect(again.status).toBe(409);

    // The first run's pair is edited afterwards: undoing the first run would lose the edit.
    const pair = await getPartnership({ db: handle.db, actor: hunanEditor, id: pairs[0]?.id as number });
    await updatePartnership({
      db: handle.db,
      actor: hunanEditor,
      id: pair.id,
      input: { notes: 'edited by hand', version: pair.version },
    });
    const refused = await app.request(`/api/imports/runs/${base.runId}/undo`, { method: 'POST' });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { details: { records: number[] } } };
    expect(body.error.details.records).toEqual([pair.id]);
    const kept = await getPartnership({ db: handle.db, actor: hunanEditor, id: pair.id });
    expect(kept.notes).toBe('edited by hand');
  });

  it("exports in the office's own layout, and that file imports back with the same mapping, changing nothing", async () => {
    const layout = {
      version: 1,
      columns: {
        序号: null,
        中方城市: 'cn_division',
        外方城市名: 'partner_name_en',
        所在国: 'partner_country',
        签订日期: 'established_on',
        备用: null,
      },
    };
    const saved = (await (
      await app.request('/api/import-mappings', jsonInit('POST', { name: '版式', mapping: layout }))
    ).json()) as SavedMapping;
    const res = await app.request(`/api/exports/partnerships.csv?mappingId=${saved.id}&q=wizard`);
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toBe('序号,中方城市,外方城市名,所在国,签订日期,备用');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.startsWith('1,湖南省/')).toBe(true);
    const back = (await (await upload(`/api/imports?mappingId=${saved.id}`, text, '导出.csv')).json()) as ImportReport;
    expect(back).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 2 });
  });
});
