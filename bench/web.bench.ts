/**
 * Web app figures (printed, not asserted): `npm run bench:web` builds the app, starts `amity demo`
 * on a free port and measures in Debian's headless Chromium:
 *   1. initial JavaScript, gzipped: what index.html loads (entry + modulepreloads), and what the
 *      dashboard really fetched over the wire (the server gzips), ECharts apart;
 *   2. the dashboard's largest contentful paint on localhost, cold cache, median of 5;
 *   3. the partnerships table with 5,000 more rows (imported through /api/imports): time from a
 *      click on a filter to the table showing the filtered rows, median and worst of 8 changes.
 * Budgets from issue 3: initial JS ≤ 350 KB gzipped, LCP ≤ 1.0 s, filter change ≤ 100 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ROOT, startDemoServer } from '../e2e/harness.js';

const DIST = join(ROOT, 'dist/web');
const KB = 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The JS that index.html itself loads: the entry script and its modulepreloads, gzipped (level 9). */
function initialJsFromIndex(): { files: { file: string; gzip: number }[]; total: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const sizes = [...new Set(files)].map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length,
  }));
  return { files: sizes, total: sizes.reduce((sum, f) => sum + f.gzip, 0) };
}

type Loaded = { url: string; bytes: number };

async function measureDashboard(browser: Browser, url: string): Promise<{ lcp: number; js: Loaded[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`${url}/`, { waitUntil: 'networkidle' });
  await page.locator('canvas').first().waitFor();
  await page.waitForTimeout(500);
  // LCP is final once the user interacts; a click on the page body makes it so.
  await page.mouse.click(5, 300);
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  const js = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js'))
      .map((e) => ({ url: new URL(e.name).pathname, bytes: (e as PerformanceResourceTiming).encodedBodySize })),
  );
  await context.close();
  return { lcp, js };
}

/** 5,000 made-up pairs for the table benchmark, in the interchange format. */
function benchCsv(rows: number): string {
  const cn = ['430100', '430200', '430300', '430400', '430500', '430600', '430700', '430102', '430121', '430181'];
  const countries = ['US', 'JP', 'KR', 'DE', 'FR', 'GB', 'IT', 'RU', 'BR', 'ZA', 'AU', 'CA', 'GH', 'KE', 'VN'];
  const statuses = ['active', 'active', 'active', 'dormant'];
  const lines = ['cn_division_code,partner_name_en,partner_country,established_on,status'];
  for (let i = 0; i < rows; i++) {
    const year = 1980 + (i % 45);
    lines.push(
      `${cn[i % cn.length]},Benchtown ${i},${countries[(i * 7) % countries.length]},${year},${statuses[i % 4]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function importRows(url: string, rows: number): Promise<void> {
  const response = await fetch(`${url}/api/imports?type=partnerships&fileName=bench.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: benchCsv(rows),
  });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${(await response.text()).slice(0, 500)}`);
}

/** Clicks an option of a multi-select filter and times until the table shows the new rows. */
async function timeFilter(page: Page, label: string, option: string, expectText: string | null): Promise<number> {
  await page.getByLabel(label, { exact: true }).click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  // A person clicks once the list has opened: let its opening animation end first.
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __before: string | null };
    w.__t0 = 0;
    w.__before = document.querySelector('[data-rows]')?.getAttribute('data-query') ?? null;
    document.addEventListener('mousedown', () => (w.__t0 = performance.now()), { capture: true, once: true });
  });
  await item.click();
  const elapsed = await page.waitForFunction(
    (text) => {
      const w = window as unknown as { __t0: number; __before: string | null };
      if (!w.__t0) return false;
      // The list marks whether its rows answer the current filters (data-rows="current").
      const card = document.querySelector('[data-rows]');
      if (card?.getAttribute('data-rows') !== 'current' || card.getAttribute('data-query') === w.__before) {
        return false;
      }
      const rows = Array.from(document.querySelectorAll('.ant-table-tbody .ant-table-row'));
      if (rows.length === 0) return false;
      if (text && !rows.every((r) => (r.textContent ?? '').includes(text))) return false;
      return performance.now() - w.__t0;
    },
    expectText,
    { polling: 'raf', timeout: 10_000 },
  );
  const ms = (await elapsed.jsonValue()) as number;
  await page.keyboard.press('Escape');
  return ms;
}

async function measureTable(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('amity.lang', 'zh-CN'));
  const page = await context.newPage();
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    await page.goto(`${url}/partnerships`, { waitUntil: 'networkidle' });
    await page.locator('.ant-table-row').first().waitFor();
    times.push(await timeFilter(page, '级别', '县级', '县级'));
    times.push(await timeFilter(page, '状态', '休眠', '休眠'));
    times.push(await timeFilter(page, '大洲', '非洲', null));
    times.push(await timeFilter(page, '类型', '友好城市', null));
  }
  await context.close();
  return times;
}

async function main() {
  const index = initialJsFromIndex();
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await measureDashboard(browser, server.url));
    const lcps = runs.map((r) => r.lcp);
    const wire = runs[0]?.js ?? [];
    const echarts = wire.filter((f) => /echarts/.test(f.url));
    const beforeCharts = wire.filter((f) => !/echarts/.test(f.url));
    const sum = (files: Loaded[]) => files.reduce((s, f) => s + f.bytes, 0);

    await importRows(server.url, 5000);
    const filterTimes = await measureTable(browser, server.url);

    console.log('Amity web app — figures (issue 3 budgets in brackets)');
    console.log(
      `  initial JS (index.html entry + modulepreloads), gzip -9: ${(index.total / KB).toFixed(1)} KB [≤ 350 KB]`,
    );
    for (const f of index.files) console.log(`    ${f.file}  ${(f.gzip / KB).toFixed(1)} KB`);
    console.log(
      `  dashboard JS over the wire (gzip by the server): ${(sum(beforeCharts) / KB).toFixed(1)} KB before charts, ` +
        `+ ${(sum(echarts) / KB).toFixed(1)} KB ECharts (lazy)`,
    );
    console.log(
      `  dashboard LCP, localhost, cold cache, demo data: median ${median(lcps).toFixed(0)} ms ` +
        `(runs: ${lcps.map((v) => v.toFixed(0)).join(', ')}) [≤ 1000 ms]`,
    );
    console.log(
      `  partnerships table, ${5000}+ rows, filter change to rows shown: median ${median(filterTimes).toFixed(0)} ms, ` +
        `worst ${Math.max(...filterTimes).toFixed(0)} ms (n=${filterTimes.length}) [≤ 100 ms]`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
