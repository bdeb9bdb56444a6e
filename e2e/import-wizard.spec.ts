/**
 * The import wizard walked as an office would: its own sheet (a title row, 序号, headers of its own,
 * Chinese dates, short and traditional names) uploaded, two columns mapped by hand, the mapping
 * saved, the readings checked, the import done; then a second sheet with the saved mapping goes
 * straight to the report; then the first import undone.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Chooses the field of one column in the wizard's column table. */
async function pickField(page: Page, column: string, search: string, option: string) {
  const select = page.getByRole('combobox', { name: `对应字段: ${column}` });
  await select.click();
  await select.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** An office sheet made up for the test (not a published list): its partner names say so. */
async function officeSheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('友城一览');
  sheet.addRow(['湖南省国际友好城市一览表（测试）']);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['序号', '中方城市', '友城名称', '对方国家', '缔约年月']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

it('maps an office sheet by hand, saves the mapping, checks the readings and imports; the mapping serves again', async () => {
  const page = await openPage(browser, `${baseUrl}/import`);
  await page.getByRole('heading', { name: '导入' }).waitFor();
  const first = await officeSheet([
    [1, '湘西州', 'Wizard Testville', '蒙古国', '1982年10月30日'],
    [2, '長沙市', 'Wizard Testburg', '韓國', '2001.5'],
  ]);
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '友城一览.xlsx', mimeType: 'application/octet-stream', buffer: first });
  const columns = page.getByTestId('import-columns');
  await columns.waitFor();
  await page.getByText('还有 2 列未对应').waitFor();
  await pickField(page, '友城名称', '英文', '外方城市英文名');
  await pickField(page, '对方国家', '国家', '外方国家');
  await page.getByText('还有 1 列未对应').waitFor({ state: 'detached' });
  await page.getByLabel('映射名称').fill('测试单位名单');
  await page.getByRole('button', { name: /保存映射/ }).click();
  await page.getByText('映射“测试单位名单”已保存').waitFor();
  await shot(page, 'import-wizard.columns.zh-CN');

  await page.getByRole('button', { name: /检查（试运行）/ }).click();
  const report = page.getByTestId('import-report');
  await report.getByText('没有发现问题，可以导入').waitFor();
  const readings = await report.locator('#import-readings + p + div .ant-table-row').allTextContents();
  expect(readings.some((r) => r.includes('湘西州') && r.includes('湘西土家族苗族自治州 (433100)'))).toBe(true);
  expect(readings.some((r) => r.includes('1982年10月30日') && r.includes('1982-10-30（精确到日，中文日期）'))).toBe(
    true,
  );
  expect(readings.some((r) => r.includes('韓國') && r.includes('韩国（KR）'))).toBe(true);
  await shot(page, 'import-wizard.report.zh-CN');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').first().waitFor();

  // A second sheet of the same office: the saved mapping fits, so it goes straight to the report.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await page.locator('.ant-select', { has: page.locator('#import-mapping') }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '测试单位名单' }).click();
  const second = await officeSheet([[1, '湖南省长沙市', 'Wizard Testhaven', '老挝', '一九九八年十月']]);
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '第二份.xlsx', mimeType: 'application/octet-stream', buffer: second });
  await page.getByTestId('import-report').getByText('没有发现问题，可以导入').waitFor();
  expect(await page.getByTestId('import-columns').count()).toBe(0);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').first().waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('lists the imports, undoes one, and reads the same in English', async () => {
  const page = await openPage(browser, `${baseUrl}/import`, { lang: 'en' });
  const runs = page.getByTestId('import-runs');
  const row = runs.locator('.ant-table-row', { hasText: '第二份.xlsx' });
  await row.waitFor();
  await row.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Undo' }).click();
  await runs.getByText('Undone: 1 removed, 0 restored').waitFor();
  await row.getByText(/^Undone /).waitFor();
  await shot(page, 'import-wizard.runs.en');
  const check = await page.request.get(`${baseUrl}/api/partnerships?q=testhaven`);
  expect(((await check.json()) as { total: number }).total).toBe(0);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
