/**
 * axe-core on every page, in both languages (and the main ones on a phone): no serious or critical
 * violation. A failure lists each rule with the elements it names, so it says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, PHONE } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = [
  '/',
  '/figures/total',
  '/figures/rank',
  '/partnerships',
  '/partnerships/1',
  '/partnerships/new',
  '/partnerships/1/edit',
  '/match',
  '/match?tab=suggestions&cn=430100',
  '/match?tab=policy',
  '/map',
  '/import',
  '/news',
  '/projects',
  '/projects/1',
  '/projects/new',
  '/programmes',
  '/programmes/1',
  '/contacts',
  '/contacts/silent',
  '/contacts/new',
  '/contacts/1',
  '/activities',
  '/activities/new',
  '/activities/1',
  '/rules',
  '/reminders',
  '/reports',
  '/health',
  '/account',
  '/users',
];

/**
 * Serious and critical violations of the page as it is now, one line per rule and element: the
 * WCAG 2.x A and AA rules (axe's best-practice rules carry no conformance level).
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1, main h2').first().waitFor();
  // The page's data is in once no loading placeholder is left.
  await page
    .locator('.ant-skeleton, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  // Let antd's and ECharts' entrance animations end: axe reads colours mid-fade otherwise.
  await page.waitForTimeout(400);
}

async function scanAll(lang: 'zh-CN' | 'en'): Promise<string[]> {
  const page = await openPage(browser, `${baseUrl}/`, { lang });
  const found: string[] = [];
  for (const path of PAGES) {
    await page.goto(`${baseUrl}${path}`);
    await settle(page);
    found.push(...(await violations(page)).map((v) => `${lang} ${path} ${v}`));
  }
  await page.context().close();
  return found;
}

// Both languages at once, each in its own browser context: the scan is the longest browser test.
it('every page in zh-CN and in en: no serious or critical axe violation', { timeout: 300_000 }, async () => {
  const [zh, en] = await Promise.all([scanAll('zh-CN'), scanAll('en')]);
  expect([...zh, ...en]).toEqual([]);
});

it('the phone menu, the list as cards and the sign-in page: no serious or critical violation', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`, { viewport: PHONE });
  await page.locator('.row-card').first().waitFor();
  await settle(page);
  const found = (await violations(page)).map((v) => `phone list ${v}`);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.locator('#phone-nav').waitFor();
  await page.waitForTimeout(400);
  found.push(...(await violations(page)).map((v) => `phone menu ${v}`));
  await page.context().close();

  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => sessionStorage.setItem('amity.signedOut', '1'));
  const signIn = await context.newPage();
  await signIn.goto(`${baseUrl}/`);
  await signIn.getByLabel('用户名').waitFor();
  found.push(...(await violations(signIn)).map((v) => `sign-in ${v}`));
  await context.close();
  expect(found).toEqual([]);
});
