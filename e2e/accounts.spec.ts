/**
 * Accounts: the demo signs the browser in as its admin and says so; a token is made and shown once;
 * the reviewer (read only) sees no edit buttons; a wrong password is refused in words.
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

it('signs the demo browser in as the demo admin and says so', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  await page.getByRole('status').filter({ hasText: '演示模式' }).waitFor();
  expect(await page.getByTestId('current-user').textContent()).toBe('demo');
  await page.getByText('管理员', { exact: true }).first().waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

it('creates an API token on the account page and shows it once', async () => {
  const page = await openPage(browser, `${baseUrl}/account`, { lang: 'en' });
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await page.getByLabel('Token name').fill('e2e script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent()) ?? '';
  expect(token).toMatch(/^amity_/);
  await shot(page, 'account.token.en');
  await page.locator('.ant-modal:visible').getByRole('button', { name: 'OK' }).click();
  await page.getByRole('cell', { name: 'e2e script' }).waitFor();
  await page.close();
});

it('lists the demo accounts for the admin', async () => {
  const page = await openPage(browser, `${baseUrl}/users`);
  await page.getByRole('cell', { name: 'reviewer', exact: true }).waitFor();
  await page.getByRole('cell', { name: 'changsha', exact: true }).waitFor();
  await shot(page, 'users.zh-CN');
  await page.close();
});

it('signs out, refuses a wrong password, and signs the reviewer in without edit buttons', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByTestId('current-user').click();
  await page.getByRole('menuitem', { name: '退出' }).click();
  await page.getByRole('button', { name: /^登\s?录$/ }).waitFor();
  await page.getByLabel('用户名').fill('reviewer');
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
  await shot(page, 'login.wrong.zh-CN');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.getByTestId('current-user').waitFor();
  expect(await page.getByRole('button', { name: /新增|新建/ }).count()).toBe(0);
  await page.locator('.ant-table-row a').first().click();
  await page.getByText('修改记录').waitFor();
  expect(await page.getByRole('link', { name: /编\s*辑/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
  await shot(page, 'partnership.reviewer.zh-CN');
  await page.close();
});
