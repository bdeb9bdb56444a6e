/** Small steps the specs share: a page in a language and size, and choosing in antd's selects. */
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from './harness.js';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function openPage(
  browser: Browser,
  url: string,
  {
    lang = 'zh-CN',
    viewport = DESKTOP,
    motion = false,
  }: { lang?: 'zh-CN' | 'en'; viewport?: { width: number; height: number }; motion?: boolean } = {},
): Promise<Page> {
  // The browser asks for less motion, as a user may (the app then opens dialogs and drawers at
  // once): a click never lands on a button that is still zooming in.
  const context = await browser.newContext({
    viewport,
    locale: lang,
    reducedMotion: motion ? 'no-preference' : 'reduce',
  });
  await context.addInitScript((language) => {
    if (!localStorage.getItem('amity.lang')) localStorage.setItem('amity.lang', language);
  }, lang);
  const page = await context.newPage();
  const errors: string[] = [];
  // The stack says where in the bundle an uncaught exception came from, not only what it said.
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Types into an antd Select (found by its label) and picks the option that shows `option`. */
export async function choose(page: Page, label: string | RegExp, search: string, option: string | RegExp) {
  const input = page.getByLabel(label, { exact: typeof label === 'string' });
  await input.click();
  if (search) await input.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

export async function shot(page: Page, name: string, fullPage = true) {
  // Let charts (ECharts draws on a canvas) finish their entrance animation before the picture;
  // antd's CSS animations and transitions are ended by the screenshot itself (animations: 'disabled').
  if ((await page.locator('canvas').count()) > 0) await page.waitForTimeout(700);
  await page.screenshot({ path: screenshotPath(name), fullPage, animations: 'disabled' });
}

/** How far the page runs past the window's right edge (0 when nothing pushes it wider). */
export function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Does the element's text end in "…" or get clipped (its content wider than its box)? */
export function isClipped(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}
