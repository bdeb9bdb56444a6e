/** An office records a delegation that breaks its province's rules and sees the flag; reminders and rules show. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { choose, isClipped, openPage, overflowX, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
const title = `湖南省经贸代表团出访测试${Date.now() % 100000}`;
let recordUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('records a delegation through the form and sees the rule flag', async () => {
  const page = await openPage(browser, `${baseUrl}/activities/new`);
  await page.getByRole('heading', { name: '记录交流活动' }).waitFor();
  await choose(page, '主友城关系', 'Bridgetown', /布里奇顿/);
  await page.getByLabel('日期', { exact: true }).fill('2025-03-10');
  await page.getByLabel('中文标题').fill(title);
  await page.getByLabel('人数').fill('12');
  await page.getByLabel('天数').fill('8');
  await page.getByLabel('团长').fill('副省长（测试）');
  await choose(page, '合作领域', '', '经贸');
  await shot(page, 'activity.form.zh-CN');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/activities\/\d+/);
  recordUrl = page.url().split('?')[0] ?? '';
  const alert = page.locator('.activity-flags-alert');
  await alert.getByText('本条记录违反 3 项规定').waitFor();
  await alert.getByText('团组 12 人，超过规定上限 6 人').waitFor();
  await alert.getByText('缺少审批').first().waitFor();
  await alert.getByText('依据 湖南省 的规定').waitFor();
  await shot(page, 'activity.flagged.zh-CN');
  // The partnership's page lists the delegation with its flags.
  await page.getByRole('link', { name: '湖南省 — 布里奇顿' }).click();
  await page.waitForURL(/\/partnerships\/\d+/);
  const item = page.locator('.ant-list-item', { hasText: title });
  await item.locator('[data-rule="delegation_size"]').waitFor();
  await shot(page, 'partnership.activities.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('lists the delegation among the activities that break a rule, and clears the flag once mended', async () => {
  expect(recordUrl).not.toBe('');
  const page = await openPage(browser, `${baseUrl}/activities?flagged=true`);
  const row = page.locator('.ant-table-row', { hasText: title });
  await row.waitFor();
  await row.locator('[data-rule="delegation_size"]').waitFor();
  await row.locator('[data-rule="approval_required"]').waitFor();
  await shot(page, 'activities.flagged-list.zh-CN');

  await page.goto(`${recordUrl}/edit`);
  await page.getByRole('heading', { name: '编辑交流活动' }).waitFor();
  await page.getByLabel('人数').fill('6');
  await page.getByLabel('天数').fill('5');
  await page.getByLabel('审批文号').fill('湘外办〔2025〕测试1号');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('符合适用的活动规定').waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('shows flags, reminders and rules in English', async () => {
  const page = await openPage(browser, `${baseUrl}/activities?flagged=true`, { lang: 'en' });
  await page.locator('.ant-table-row [data-rule="delegation_size"]').first().waitFor();
  await page.getByText('Delegation too large').first().waitFor();
  await page.goto(`${baseUrl}/reminders`);
  await page.getByText('Partnerships gone silent').waitFor();
  await page.getByText('Never').first().waitFor();
  // Every column says what it holds.
  const headers = await page.locator('.ant-table-thead th').allInnerTexts();
  expect(headers.filter((h) => h.trim() === '')).toEqual([]);
  await shot(page, 'reminders.en');
  await page.goto(`${baseUrl}/rules`);
  await page.getByText('Own rules of this scope').waitFor();
  await page.getByText('Example rules set for the demo').waitFor();
  await shot(page, 'rules.en');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('counts one day as "1 day" in the English list', async () => {
  const page = await openPage(browser, `${baseUrl}/activities`, { lang: 'en' });
  await page.locator('.ant-table-row').first().waitFor();
  const rows = await page.locator('.ant-table-tbody').innerText();
  expect(rows).toMatch(/\b1 day\b/);
  expect(rows).not.toMatch(/\b1 days\b|\b1 people\b/);
  await page.context().close();
});

it('fits reminders and rules on a phone: tables scroll inside, tags and titles wrap', async () => {
  const page = await openPage(browser, `${baseUrl}/reminders`, { lang: 'en', viewport: PHONE });
  await page.getByText('Partnerships gone silent').waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  expect(await overflowX(page)).toBe(0);
  await page.goto(`${baseUrl}/rules`);
  await page.getByText('Own rules of this scope').waitFor();
  await page.locator('.ant-descriptions .ant-tag').first().waitFor();
  expect(await overflowX(page)).toBe(0);
  expect(await isClipped(page, '.card-title-wrap .ant-card-head-title')).toBe(false);
  const cardRight = await page
    .locator('.ant-descriptions')
    .first()
    .evaluate((el) => el.getBoundingClientRect().right);
  for (const right of await page
    .locator('.ant-descriptions .ant-tag')
    .evaluateAll((tags) => tags.map((tag) => tag.getBoundingClientRect().right)))
    expect(right).toBeLessThanOrEqual(cardRight);
  await shot(page, 'rules.en.phone');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
