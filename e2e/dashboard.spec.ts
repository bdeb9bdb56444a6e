/** A congress member opens the dashboard, follows a figure to its records, then reads it in English. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the figures of the home province as of today, in Chinese', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  await page.getByRole('heading', { name: /概览 · 湖南省/ }).waitFor();
  await page.getByText('友城总数').waitFor();
  const total = Number((await page.locator('.figure-card .figure-value').first().innerText()).replace(/,/g, ''));
  expect(total).toBeGreaterThan(0);
  await expect(
    page
      .getByText(/截至 \d{4}年\d{1,2}月\d{1,2}日/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await page.locator('canvas').first().waitFor();
  await shot(page, 'dashboard.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('clicks a figure through to the records behind it', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  const cityLink = page.getByRole('link', { name: /^市级 \d+/ });
  const count = Number((await cityLink.locator('.figure-value').innerText()).replace(/,/g, ''));
  await cityLink.click();
  await page.getByRole('heading', { name: /明细：市级友城/ }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await expect(page.getByText(`共 ${count} 条`).isVisible()).resolves.toBe(true);
  expect(page.url()).toContain('/figures/byLevel.city');
  await shot(page, 'records.zh-CN');
  // The rank figure lists the provinces compared, with the basis of each.
  await page.goto(`${baseUrl}/figures/rank`);
  await page.getByRole('columnheader', { name: '依据' }).waitFor();
  await page.context().close();
});

it('reaches a figure with the keyboard alone, with a visible focus ring', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  await page.locator('.figure-link').first().waitFor();
  let presses = 0;
  while (presses < 40) {
    await page.keyboard.press('Tab');
    presses++;
    if (await page.evaluate(() => document.activeElement?.classList.contains('figure-link'))) break;
  }
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/figures\/total/);
  await page.locator('.ant-table-row').first().waitFor();
  await page.context().close();
});

it('switches to English, formats dates the English way, and remembers the choice', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('heading', { name: /Dashboard · Hunan/ }).waitFor();
  await page.getByText('Partnerships', { exact: true }).first().waitFor();
  await expect(
    page
      .getByText(/As of \d{1,2} [A-Z][a-z]{2} \d{4}/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await page.reload();
  await page.getByRole('heading', { name: /Dashboard · Hunan/ }).waitFor();
  await page.locator('canvas').first().waitFor();
  await shot(page, 'dashboard.en');
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('heading', { name: /概览/ }).waitFor();
  await page.context().close();
});

it('fits a 390-px phone in both languages', async () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const page = await openPage(browser, `${baseUrl}/`, { lang, viewport: PHONE });
    await page.locator('.figure-card').first().waitFor();
    await page.locator('canvas').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, `dashboard.phone.${lang}`, false);
    await page.context().close();
  }
});
