/**
 * 报道核对: the damaged sample of issue 13 pasted into the demo reads as its eight figures, each
 * with its verdict against the demo registry, and the Bridgetown signing as found.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
const sample = readFileSync(new URL('../test/news/issue-13-sample.txt', import.meta.url), 'utf8');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('reads the sample: eight figures with verdicts, the context apart, Bridgetown found', async () => {
  const page = await openPage(browser, `${baseUrl}/news?scope=430000`);
  await page.getByRole('heading', { name: '报道核对' }).waitFor();
  await page.getByLabel('报道全文').fill(sample);
  await page.getByLabel('发表日期').fill('2024-11-28');
  await page.getByRole('button', { name: /^核\s?对$/ }).click();
  await page.getByText('数字与核对结果').waitFor();
  const rows = page.locator('.ant-table-row');
  const figures = await rows.allTextContents();
  for (const name of [
    '友城总数',
    '省级',
    '市级',
    '县级',
    '全国排名',
    '新增对数',
    '平均每几个月新增一对',
    '“一带一路”国家数',
  ]) {
    expect(figures.some((row) => row.startsWith(name))).toBe(true);
  }
  const total = figures.find((row) => row.startsWith('友城总数')) ?? '';
  expect(total).toContain('110');
  // Other specs add pairs to the same demo server: the registry's own count is the one to show.
  const held = await page.evaluate(async () => {
    const response = await fetch('/api/figures?scope=430000&asOf=2024-11-28');
    return ((await response.json()) as { total: number }).total;
  });
  expect(held).toBeGreaterThan(0);
  expect(total).toContain(`110${held}`);
  expect(total).toContain('不一致');
  expect(figures.filter((row) => row.includes('背景数字'))).toHaveLength(2);
  expect(await page.getByTestId('news-text').textContent()).toContain('湖南省共有国际友城110对');
  const event = page.getByTestId('news-event');
  expect(await event.textContent()).toMatch(/名录已有湖南省 – 布里奇顿 \(BB\).*省级.*2023-06/);
  await shot(page, 'news.check.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

it('says so in English when a text holds no figures', async () => {
  const page = await openPage(browser, `${baseUrl}/news?scope=430000`, { lang: 'en' });
  await page.getByLabel('Report text').fill('The weather was fine and we walked in the park.');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByText(/No figures found/).waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});
