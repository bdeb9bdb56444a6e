/** The map draws a line per placed partnership and follows the filters. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { choose, openPage, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const lineCount = async (page: import('playwright-core').Page) =>
  Number(((await page.locator('h1 .as-of').innerText()).match(/\d+/) ?? ['0'])[0]);

it('draws the lines of the province and filters them by level', async () => {
  const page = await openPage(browser, `${baseUrl}/map`);
  await page.locator('.map-box canvas').first().waitFor();
  const all = await lineCount(page);
  expect(all).toBeGreaterThan(0);
  await page.getByText(/底图仅示意陆地轮廓/).waitFor();
  await shot(page, 'map.zh-CN');

  await choose(page, '级别', '', '县级');
  await page.waitForURL(/level=county/);
  await page.waitForFunction((before) => {
    const text = document.querySelector('h1 .as-of')?.textContent ?? '';
    return Number((text.match(/\d+/) ?? ['0'])[0]) < before;
  }, all);
  await expect(page.locator('.map-legend').innerText()).resolves.toContain('市级 0');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('shows the map in English on a phone', async () => {
  const page = await openPage(browser, `${baseUrl}/map`, { lang: 'en', viewport: PHONE });
  await page.locator('.map-box canvas').first().waitFor();
  await page.getByText(/implies no view on the legal status/).waitFor();
  await shot(page, 'map.phone.en');
  await page.context().close();
});

it('keeps drawing when its box is laid out with no height for a moment', async () => {
  const page = await openPage(browser, `${baseUrl}/map`, { lang: 'en' });
  const box = page.locator('.map-box');
  await box.locator('canvas').first().waitFor();
  // What a window being resized or a page printed can do as the map loads: ECharts threw here.
  await box.evaluate((element) => {
    (element as HTMLElement).style.height = '0px';
  });
  await page.waitForTimeout(300);
  await box.evaluate((element) => {
    (element as HTMLElement).style.height = '';
  });
  await expect.poll(async () => (await box.boundingBox())?.height ?? 0).toBeGreaterThan(100);
  await page.waitForTimeout(300);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
