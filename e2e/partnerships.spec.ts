/** Office staff search the registry, add a partnership, and two of them edit it at once. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { choose, openPage, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
const partnerName = `测试友城${Date.now() % 100000}`;
let createdUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('finds Changsha by its pinyin', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByLabel('搜索', { exact: true }).fill('changsha');
  await page.waitForURL(/q=changsha/);
  await page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll('.ant-table-row td.col-cn')).map((td) => td.textContent ?? '');
    return cells.length > 0 && cells.every((text) => text.includes('长沙'));
  });
  await shot(page, 'partnerships.search.zh-CN');
  // The filtered list can be exported as it is.
  await page.getByRole('button', { name: /导出/ }).hover();
  const csv = page.getByRole('link', { name: '导出 CSV' });
  await csv.waitFor();
  expect(await csv.getAttribute('href')).toMatch(/^\/api\/exports\/partnerships\.csv\?.*q=changsha/);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('shows the validation problems on their fields, then creates the partnership', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships/new`);
  await page.getByRole('heading', { name: '新增友城' }).waitFor();
  await page.getByLabel('结好日期').fill('2023-02-30');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('请选择中方行政区划').waitFor();
  await page.getByText('请填写真实的日期：YYYY、YYYY-MM 或 YYYY-MM-DD').waitFor();
  await page.getByText('中文名与英文名至少填一项').first().waitFor();
  await shot(page, 'partnership.form-errors.zh-CN');

  await choose(page, '中方行政区划', 'zhuzhou', '株洲市');
  await choose(page, '国家', 'Ghana', /加纳/);
  await page.getByLabel('外方中文名').fill(partnerName);
  await page.getByLabel('外方英文名').fill('Testtown');
  await page.getByLabel('结好日期').fill('2024-05');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/partnerships\/\d+$/);
  await page.getByRole('heading', { name: new RegExp(`株洲市 — ${partnerName}`) }).waitFor();
  await page.getByText('2024年5月').first().waitFor();
  createdUrl = page.url();
  await shot(page, 'partnership.detail.zh-CN');
  await page.context().close();
});

async function openEdit(): Promise<Page> {
  const page = await openPage(browser, `${createdUrl}/edit`);
  await page.getByRole('heading', { name: '编辑友城' }).waitFor();
  await page.getByLabel('备注').waitFor();
  return page;
}

it('tells the second of two editors that the record changed, and lets them reload or keep theirs', async () => {
  expect(createdUrl).not.toBe('');
  const first = await openEdit();
  const second = await openEdit();

  await first.getByLabel('备注').fill('第一位编辑的备注');
  await first.getByRole('button', { name: /保\s*存/ }).click();
  await first.waitForURL(/\/partnerships\/\d+$/);
  await first.getByText('第一位编辑的备注').waitFor();

  await second.getByLabel('备注').fill('第二位编辑的备注');
  await second.getByRole('button', { name: /保\s*存/ }).click();
  const dialog = second.getByRole('dialog');
  await dialog.getByText('该记录已被他人修改').waitFor();
  await dialog.getByText(/版本 2/).waitFor();
  await shot(second, 'partnership.conflict.zh-CN', false);

  // Reload: the first editor's text comes back, mine is dropped.
  await dialog.getByRole('button', { name: '重新加载' }).click();
  await expect(second.getByLabel('备注').inputValue()).resolves.toBe('第一位编辑的备注');

  // Keep mine: after another change by the first editor, the second overwrites it on purpose.
  await first.getByRole('link', { name: /编\s*辑/ }).click();
  await first.getByLabel('备注').fill('第一位编辑再次修改');
  await first.getByRole('button', { name: /保\s*存/ }).click();
  await first.waitForURL(/\/partnerships\/\d+$/);
  await second.getByLabel('备注').fill('第二位编辑坚持的备注');
  await second.getByRole('button', { name: /保\s*存/ }).click();
  await second.getByRole('dialog').getByRole('button', { name: '保留我的修改' }).click();
  await second.waitForURL(/\/partnerships\/\d+$/);
  await second.getByText('第二位编辑坚持的备注').waitFor();
  await first.context().close();
  await second.context().close();
});

it('shows the table and the detail in English on a phone', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships?q=changsha`, { lang: 'en', viewport: PHONE });
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'partnerships.phone.en', false);
  await page.goto(createdUrl);
  await page.getByText('May 2024').first().waitFor();
  await shot(page, 'partnership.detail.phone.en');
  await page.context().close();
});
