/**
 * Contacts: the list of the demo's illustrative people (said to be fictitious), a contact's page
 * with the role history, the not-contacted list, and the export that asks why before it leaves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser } from './harness.js';
import { openPage, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('lists the contacts, finds them by organisation, and opens one with its role history', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts?scope=430000`);
  await page.getByRole('heading', { name: '联系人', exact: true }).waitFor();
  await page.getByRole('link', { name: '示例人物甲' }).waitFor();
  // Illustrative people are said to be so, on the list and on each row.
  await page.getByText('示例数据：这里的人物均为虚构').waitFor();
  expect(await page.getByText('示例·虚构').count()).toBeGreaterThan(1);
  // The nav shows the item to the demo admin, who may see contacts.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '联系人' }).waitFor();

  await page.getByLabel('搜索姓名、单位、城市或职务').fill('arezzo');
  await page.waitForURL(/q=arezzo/);
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 2);
  await shot(page, 'contacts.list.zh-CN');

  await page.getByRole('link', { name: '示例人物丙' }).click();
  await page.waitForURL(/\/contacts\/\d+(\?|$)/);
  await page.getByRole('heading', { name: /示例人物丙/ }).waitFor();
  await page.getByText('从未联系').first().waitFor();

  // Who else held the post: the predecessor until 2020-09, this contact from 2020-10.
  const holders = page.locator('.ant-card').filter({ hasText: '查询某一职务的任职者' });
  await holders.getByRole('link', { name: '示例人物乙' }).waitFor();
  await holders.getByText('2015 – 2020-09').waitFor();
  await holders.getByText('2020-10 – 至今').waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('shows a contact’s role history as a timeline with the current post marked', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts?scope=430000&q=augsburg`);
  await page.getByRole('link', { name: '示例人物甲' }).click();
  await page.getByRole('heading', { name: /示例人物甲/ }).waitFor();
  const roles = page.getByTestId('contact-role');
  await roles.first().waitFor();
  expect(await roles.count()).toBe(2);
  expect(await roles.nth(0).textContent()).toContain('Deputy mayor (example)');
  expect(await roles.nth(0).textContent()).toContain('现任');
  expect(await roles.nth(1).textContent()).toContain('2012-03 – 2018-12');
  await page.getByRole('link', { name: /长沙市 — 奥格斯堡/ }).waitFor();
  await page.getByText('示例数据：这里的人物均为虚构').waitFor();
  await shot(page, 'contacts.detail.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('lists who was not contacted for 12 months, in English', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts/silent?scope=430000`, { lang: 'en' });
  await page.getByRole('heading', { name: 'Contacts not contacted for a while' }).waitFor();
  const summary = page.getByTestId('silent-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toMatch(/contacts last contacted before/);
  await page.getByRole('link', { name: 'Example Person C' }).waitFor();
  // Contacted two months ago: not on the list.
  expect(await page.getByRole('link', { name: 'Example Person A' }).count()).toBe(0);
  await page.getByText('Never contacted').first().waitFor();
  await shot(page, 'contacts.silent.en');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('exports only with a purpose and a confirmation', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts?scope=430000`);
  await page.getByRole('link', { name: '示例人物甲' }).waitFor();
  await page.getByRole('button', { name: /导出/ }).click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.getByText('每次导出都会记入').waitFor();
  await dialog.getByRole('button', { name: /导\s*出/ }).click();
  await dialog.locator('.ant-form-item-explain-error').first().waitFor();
  await shot(page, 'contacts.export.zh-CN', false);
  await dialog.getByLabel('导出用途').fill('友城大会邀请名单（端到端测试）');
  await dialog.getByText('请勾选确认后再导出').waitFor();
  await dialog.getByRole('checkbox').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /导\s*出/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^contacts-\d{8}\.xlsx$/);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('adds a contact with a post, refusing a term that ends before it starts', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts/new?scope=430000`);
  await page.getByRole('heading', { name: '新增联系人' }).waitFor();
  // The office defaults to the scope in the context bar (湖南省).
  await page.locator('.ant-select-selection-item', { hasText: '湖南省' }).first().waitFor();
  await page.getByLabel('英文姓名').fill('Example Person E2E');
  await page.getByRole('button', { name: '添加任职' }).click();
  await page.getByLabel('机构').fill('Example e2e office');
  await page.getByLabel('职务').fill('Liaison (example)');
  await page.getByLabel('起').fill('2021-05');
  await page.getByLabel('止').fill('2020');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('任职结束不能早于开始').waitFor();
  await page.getByLabel('止').fill('');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/contacts\/\d+(\?|$)/);
  await page.getByRole('heading', { name: /Example Person E2E/ }).waitFor();
  const role = page.getByTestId('contact-role');
  expect(await role.count()).toBe(1);
  expect(await role.first().textContent()).toContain('2021-05 – 至今');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('hides contacts from a user without the permission: no menu item, a refusal, 403 from the API', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '退出' }).click();
  await page.getByLabel('用户名').fill('reviewer');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.getByTestId('current-user').waitFor();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '友城名录' }).waitFor();
  expect(await nav.getByRole('link', { name: '联系人' }).count()).toBe(0);
  await page.goto(`${baseUrl}/contacts`);
  await page.getByTestId('no-access').getByText('联系人属个人信息，需要查看联系人的权限。').waitFor();
  expect(await page.getByRole('link', { name: '示例人物甲' }).count()).toBe(0);
  const status = await page.evaluate(async () => (await fetch('/api/contacts')).status);
  expect(status).toBe(403);
  await shot(page, 'contacts.forbidden.zh-CN');
  await page.context().close();
});

it('sets the apostrophe of an English page at its English width, not a Chinese font’s full em', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts`, { lang: 'en' });
  const note = page.getByText(/no real person’s data/);
  await note.waitFor();
  const [apostrophe, em] = await note.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf('’') ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return [range.getBoundingClientRect().width, Number.parseFloat(getComputedStyle(element).fontSize)];
    }
    return [0, 0];
  });
  expect(em).toBeGreaterThan(0);
  expect(apostrophe).toBeLessThan(em / 2);
  await page.context().close();
});
