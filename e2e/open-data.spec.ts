/** An office withholds one pair from its open data, and the public read API no longer lists it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { ListEnvelope } from '../src/shared/list.js';
import type { OpenPartnershipView } from '../src/shared/schemas/open-view.js';
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

type Page = ListEnvelope<OpenPartnershipView>;

it('withholds a pair from the open data with the form, and the public API follows', async () => {
  const before = (await (await fetch(`${baseUrl}/api/open/partnerships?q=kagoshima`)).json()) as Page;
  expect(before.total).toBe(1);
  // Other specs add pairs to the same demo server: the province's count is read, not assumed.
  const published = (await (await fetch(`${baseUrl}/api/open/partnerships?cn=430000&perPage=1`)).json()) as Page;
  const id = before.data[0]?.id as number;

  const page = await openPage(browser, `${baseUrl}/partnerships/${id}/edit`);
  await page.getByRole('heading', { name: '编辑友城' }).waitFor();
  await page.locator('.ant-form-item', { hasText: '开放数据' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '不公开' }).click();
  await page.getByLabel('仅内部可见').check();
  await shot(page, 'partnership.open-data.form.zh-CN');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/partnerships\/\d+$/);
  const row = page.locator('.ant-descriptions-item', { hasText: '开放数据' });
  await row.getByText('不公开').waitFor();
  await row.getByText('备注仅内部可见').waitFor();
  await shot(page, 'partnership.open-data.detail.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();

  const after = (await (await fetch(`${baseUrl}/api/open/partnerships?q=kagoshima`)).json()) as Page;
  expect(after.total).toBe(0);
  const all = await fetch(`${baseUrl}/api/open/partnerships?cn=430000&perPage=1`);
  expect(all.headers.get('access-control-allow-origin')).toBe('*');
  expect(((await all.json()) as Page).total).toBe(published.total - 1);
});
