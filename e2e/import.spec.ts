/** Staff import a spreadsheet with mistakes, read the report, fix the file and import it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, overflowX, PHONE, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const header = 'cn_division_code,partner_name_zh,partner_name_en,partner_country,established_on';
const withErrors = `${header}\n430300,导入测试城,Importville,XX,2020-02-30\n`;
const fixed = `${header}\n430300,导入测试城,Importville,NZ,2020-02\n`;

it('shows the problems of a file by row and column, then imports the corrected file', async () => {
  const page = await openPage(browser, `${baseUrl}/import`);
  await page.getByRole('heading', { name: '导入' }).waitFor();
  const template = page.getByRole('link', { name: /CSV 模板/ });
  expect(await template.getAttribute('href')).toContain('/api/imports/template.csv');

  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: '友城.csv', mimeType: 'text/csv', buffer: Buffer.from(withErrors) });
  await page.getByText('共 2 个问题').waitFor();
  await page.getByRole('cell', { name: 'partner_country' }).waitFor();
  await page.getByText('找不到该国家').waitFor();
  await page.getByText('日期无效').waitFor();
  await shot(page, 'import.problems.zh-CN');

  await input.setInputFiles({ name: '友城.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByText('没有发现问题，可以导入').waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('导入完成').first().waitFor();
  await shot(page, 'import.done.zh-CN');

  await page.goto(`${baseUrl}/partnerships?q=importville`);
  await page.getByRole('cell', { name: /^导入测试城/ }).waitFor();
  await page.context().close();
});

it('reads the report in English', async () => {
  const page = await openPage(browser, `${baseUrl}/import`, { lang: 'en' });
  await page.locator('input[type=file]').setInputFiles({
    name: 'partners.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(withErrors.replace('Importville', 'Importville Two')),
  });
  await page.getByText('2 problems').waitFor();
  await page.getByText('Unknown country', { exact: true }).waitFor();
  await shot(page, 'import.problems.en');
  await page.context().close();
});

it('shows both choices on a phone, the saved mapping on its own line', async () => {
  const page = await openPage(browser, `${baseUrl}/import`, { lang: 'en', viewport: PHONE });
  const mapping = page.locator('.ant-select:has(#import-mapping)');
  await mapping.waitFor();
  expect(await overflowX(page)).toBe(0);
  const box = await mapping.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'import.en.phone');
  await page.context().close();
});
