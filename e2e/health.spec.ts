/**
 * Health: the dashboard shows the pairs by health and the activity figures; the health list opens on
 * the pairs dormant on paper; a partnership's page explains its five scores — in both languages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { isClipped, openPage, overflowX, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the pairs by health and the activity figures on the dashboard', async () => {
  const page = await openPage(browser, `${baseUrl}/?scope=430000`);
  await page.getByRole('heading', { name: '按活跃度评估' }).waitFor();
  await page.getByRole('heading', { name: /历年交流活动（按类型）/ }).waitFor();
  await page.getByRole('heading', { name: /团组往来/ }).waitFor();
  await page.getByRole('link', { name: /登记为活跃、实际休眠/ }).waitFor();
  await shot(page, 'dashboard.health.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

it('lists the pairs dormant on paper and opens one with its health explained', async () => {
  const page = await openPage(browser, `${baseUrl}/health?scope=430000&suggestion=dormant`);
  await page.getByRole('heading', { name: /名义活跃、实际休眠/ }).waitFor();
  const first = page.locator('.ant-table-row').first();
  await first.waitFor();
  expect(await first.textContent()).toContain('休眠');
  await shot(page, 'health.list.zh-CN');
  await first.getByRole('link').first().click();
  await page.waitForURL(/\/partnerships\/\d+/);
  await page.getByText('活跃度评估').waitFor();
  await page.getByRole('rowheader', { name: '频度' }).waitFor();
  await page.getByText('名义活跃、实际休眠').first().waitFor();
  await shot(page, 'health.panel.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

it('says the same in English', async () => {
  const page = await openPage(browser, `${baseUrl}/health?scope=430000&suggestion=dormant`, { lang: 'en' });
  await page.getByRole('heading', { name: /Dormant on paper/ }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  expect(await page.locator('.ant-table-row').first().textContent()).toMatch(
    /months without activity|No activity recorded/,
  );
  await shot(page, 'health.list.en');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

it('names the sort in full, and on a phone scrolls the table inside itself, not the page', async () => {
  const page = await openPage(browser, `${baseUrl}/health`, { lang: 'en' });
  await page.locator('.ant-table-row').first().waitFor();
  expect(await page.locator('.ant-select:has(#health-sort)').innerText()).toContain('Longest without activity');
  expect(await isClipped(page, '.ant-select:has(#health-sort) .ant-select-selection-item')).toBe(false);
  await page.setViewportSize(PHONE);
  await page.locator('.ant-table-row').first().waitFor();
  expect(await overflowX(page)).toBe(0);
  await shot(page, 'health.list.en.phone');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
