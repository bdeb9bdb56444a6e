import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import type { ImportReport } from './import.schema.js';

const handle = await createTestDb();
const app = buildApp(handle);

const CSV = 'cn_division_code,partner_name_en,partner_country,established_on\n430100,Brazzaville,CG,1982\n';

function post(path: string, body: BodyInit, contentType?: string) {
  return app.request(path, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });
}

describe('import and export API', () => {
  it('checks a raw CSV body on a dry run, then imports it', async () => {
    const dry = await post('/api/imports?dryRun=true&fileName=pairs.csv', CSV, 'text/csv');
    expect(dry.status).toBe(200);
    expect((await dry.json()) as ImportReport).toMatchObject({
      ok: true,
      dryRun: true,
      added: 1,
      fileName: 'pairs.csv',
    });
    const res = await post('/api/imports', CSV, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    const report = (await res.json()) as ImportReport;
    expect(report).toMatchObject({ ok: true, type: 'partnerships', added: 1 });
    expect(report.runId).toBeGreaterThan(0);
  });

  it('takes a multipart form with the file field', async () => {
    const form = new FormData();
    form.set('file', new File([CSV], 'pairs.csv', { type: 'text/csv' }));
    const res = await app.request('/api/imports', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect((await res.json()) as ImportReport).toMatchObject({ ok: true, unchanged: 1, fileName: 'pairs.csv' });
  });

  it('answers 400 with the report and each problem as an issue', async () => {
    const res = await post(
      '/api/imports',
      'cn_division,partner_name_en,partner_country\n鼓楼区,X,Ghanna\n',
      'text/csv',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; issues: { path: string; rule: string }[]; details: { report: ImportReport } };
    };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'rows.2.cn_division ambiguous_division',
      'rows.2.partner_country unknown_country',
    ]);
    expect(body.error.details.report).toMatchObject({ ok: false, problemCount: 2 });
  });

  it("writes every problem in the caller's language", async () => {
    const file = 'cn_division,partner_name_en,partner_country,established_on\n湖南省/长沙市,X,Ghanna,2023-02-30\n';
    const answer = async (lang: string) => {
      const res = await app.request('/api/imports', {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'text/csv', 'accept-language': lang },
      });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: { report: ImportReport } } }).error.details.report.problems;
    };
    const zh = await answer('zh-CN,zh;q=0.9');
    const en = await answer('en-GB');
    expect(zh.map((p) => p.rule)).toEqual(['unknown_country', 'invalid_date']);
    expect(en.map((p) => p.rule)).toEqual(zh.map((p) => p.rule));
    expect(zh.map((p) => p.message)).toEqual(['无法识别的国家', '2023 年 2 月没有 30 日']);
    expect(en.map((p) => p.message)).toEqual(['unknown country', '2023-02 has no day 30']);
    // No English inside the Chinese texts except codes and examples.
    for (const p of zh) expect(`${p.message} ${p.fix ?? ''}`).not.toMatch(/\b(the|a|an|or|use|write)\b/);
  });

  it('imports JSON and XLSX bodies by their content type', async () => {
    const json = JSON.stringify([{ cn_division_code: '430100', partner_name_en: 'Kyoto', partner_country: 'JP' }]);
    expect((await post('/api/imports', json, 'application/json')).status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRows([
      ['cn_division_code', 'partner_name_en', 'partner_country'],
      ['430100', 'Osaka', 'JP'],
    ]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await post('/api/imports', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(((await res.json()) as ImportReport).added).toBe(1);
  });

  it('exports a filtered list in each format as a download', async () => {
    const csv = await app.request('/api/exports/partnerships.csv?country=JP');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('partnerships.csv');
    const text = await csv.text();
    expect(text.trim().split('\r\n')).toHaveLength(3);
    const json = await app.request('/api/exports/partnerships.json?q=kyoto');
    expect(await json.json()).toEqual([expect.objectContaining({ partner_name_en: 'Kyoto' })]);
    const xlsx = await app.request('/api/exports/partnerships.xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const back = await post(
      '/api/imports?dryRun=true',
      new Uint8Array(await xlsx.arrayBuffer()),
      xlsx.headers.get('content-type') ?? '',
    );
    expect((await back.json()) as ImportReport).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 3 });
    expect((await app.request('/api/exports/partnerships.csv?cn=999999')).status).toBe(400);
  });

  it('serves the templates', async () => {
    const csv = await app.request('/api/imports/template.csv?headers=zh');
    expect((await csv.text()).split('\r\n')[0]).toContain('外方国家');
    const xlsx = await app.request('/api/imports/template.xlsx?type=groups');
    expect(xlsx.headers.get('content-disposition')).toContain('groups-template.xlsx');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
