/**
 * Daily use, as a new user meets it: every control in the page's language, formal texts clean,
 * the scope, as-of date and since-year travelling together, both sides of a pair linked, pages a
 * role cannot use saying so first, and a visitor's page load without failed requests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser } from './harness.js';
import { choose, DESKTOP, openPage, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose tab has signed out of the demo administrator (the sign-in page shows). */
async function openSignedOut(lang: 'zh-CN' | 'en' = 'zh-CN', viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang });
  await context.addInitScript((language) => {
    if (!localStorage.getItem('amity.lang')) localStorage.setItem('amity.lang', language);
    sessionStorage.setItem('amity.signedOut', '1');
  }, lang);
  return context.newPage();
}

async function signInAs(page: Page, username: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('heading', { name: /概览/ }).waitFor();
}

it('speaks Chinese in every control: the calendar, "today", the pager, the date fields', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  await expect.poll(() => page.locator('.ant-pagination-options').innerText()).toMatch(/条\/页/);
  await page.locator('#as-of-picker').click();
  const calendar = page.locator('.ant-picker-dropdown:visible');
  await calendar.waitFor();
  const text = await calendar.innerText();
  expect(text).toMatch(/\d{4}年/);
  expect(text).toContain('今天');
  expect(text).not.toMatch(/Today|Mon|Tue|Dec|Jan/);
  await shot(page, 'daily.calendar.zh-CN', false);
  await page.keyboard.press('Escape');
  // One date control everywhere: no native mm/dd/yyyy field is left.
  for (const path of ['/activities/new', '/activities', '/reports', '/news']) {
    await page.goto(`${baseUrl}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.locator('.ant-picker').first().waitFor();
    expect(await page.locator('input[type=date]').count(), path).toBe(0);
  }
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('and English in every control once English is chosen', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`, { lang: 'en' });
  await page.locator('.ant-table-row').first().waitFor();
  await expect.poll(() => page.locator('.ant-pagination-options').innerText()).toMatch(/\/ page/);
  await page.locator('#as-of-picker').click();
  const calendar = page.locator('.ant-picker-dropdown:visible');
  await calendar.waitFor();
  expect(await calendar.innerText()).toContain('Today');
  await shot(page, 'daily.calendar.en', false);
  await page.context().close();
});

it('keeps the since-year when the as-of date changes, and carries it to the report', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  await page.getByText('友城总数').waitFor();
  const sinceDefault = new Date().getFullYear() - 5;
  await expect.poll(() => page.locator('#since-year').inputValue()).toBe(String(sinceDefault));
  const asOf = page.locator('#as-of-picker');
  await asOf.click();
  await asOf.fill('2024-11-28');
  await asOf.press('Enter');
  await page.waitForURL(/asOf=2024-11-28/);
  expect(new URL(page.url()).searchParams.get('since')).toBe(String(sinceDefault));
  await expect.poll(() => page.locator('#since-year').inputValue()).toBe(String(sinceDefault));
  await page.locator('.app-nav').getByRole('link', { name: '工作报告' }).click();
  await page.waitForURL(/\/reports/);
  const url = new URL(page.url());
  expect(url.searchParams.get('since')).toBe(String(sinceDefault));
  expect(url.searchParams.get('asOf')).toBe('2024-11-28');
  await expect.poll(() => page.locator('#report-since').inputValue()).toBe(String(sinceDefault));
  const preview = page.frameLocator('iframe.report-preview');
  await preview.getByText(`${sinceDefault}年以来`).first().waitFor();
  await page.context().close();
});

it('writes a report for a standing committee: sources cited, no path, record id or English note', async () => {
  const page = await openPage(browser, `${baseUrl}/reports`);
  await page.locator('iframe.report-preview').waitFor();
  const html = await (
    await page.request.get(`${baseUrl}/api/reports/annual.html?scope=430000&asOf=2024-11-28&since=2018&lang=zh`)
  ).text();
  const body = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
  for (const bad of [
    'data/groups',
    '.csv',
    'NOTE',
    '公布数字#',
    'issue',
    'mirror',
    'Illustrative:',
    'Hunan provincial',
  ])
    expect(body, bad).not.toContain(bad);
  // The rank says among how many provinces and from which figures it stands.
  expect(body).toMatch(/(在可比的\d+个省份中排第\d+位|排在全国第\d+位)（[^）]+）/);
  expect(body).toMatch(/公布数字，\d{4}年/);
  const preview = page.frameLocator('iframe.report-preview');
  await preview
    .getByText(/个省份中排第|排在全国第/)
    .first()
    .waitFor();
  await shot(page, 'daily.report.zh-CN');
  await page.context().close();
});

it('shows the dashboard source as a reader cites it', async () => {
  const page = await openPage(browser, `${baseUrl}/`);
  const card = page.locator('.figure-card', { hasText: '登记完整度' });
  await card.waitFor();
  const text = await card.innerText();
  expect(text).not.toMatch(/mirror|NOTE|\(/);
  await page.context().close();
});

it('opens the activity form from a pair with both sides named, never a bare id', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships?q=${encodeURIComponent('赞扎巴尼')}`);
  const row = page.locator('.ant-table-row').first();
  await row.waitFor();
  const href = (await row.locator('a[href^="/partnerships/"]').first().getAttribute('href')) ?? '';
  const id = /\/partnerships\/(\d+)/.exec(href)?.[1];
  expect(id).toBeDefined();
  await page.goto(`${baseUrl}/activities/new?partnership=${id}`);
  const chosen = page.locator('.ant-form-item', { hasText: '主友城关系' }).locator('.ant-select-selection-item');
  // The names come with the pair's own request after the form shows its id: on a busy machine
  // that takes longer than the poll's default second.
  await expect.poll(() => chosen.innerText(), { timeout: 10_000 }).toBe('湘西土家族苗族自治州 — 赞扎巴尼市');
  await page.context().close();
});

it('links both sides of a row: the foreign place opens all its Chinese partners', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships?q=ulyanovsk`);
  await page.locator('.ant-table-row').first().waitFor();
  // The city, not 乌里扬诺夫斯克州 the oblast (a pair of its own).
  const place = page
    .locator('.ant-table-row a[href*="place="]')
    .filter({ hasText: /^乌里扬诺夫斯克$/ })
    .first();
  await place.click();
  await page.waitForURL(/place=\d+/);
  await page
    .locator('.place-filter')
    .getByText(/仅显示与乌里扬诺夫斯克/)
    .waitFor();
  await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
  const sides = await page.locator('.ant-table-row td.col-cn').allInnerTexts();
  expect(new Set(sides).size).toBeGreaterThanOrEqual(2);
  await shot(page, 'daily.place.zh-CN');
  await page.context().close();
});

it('counts the last contact on the as-of date in the list, as 久未联系 does', async () => {
  const page = await openPage(browser, `${baseUrl}/contacts`);
  const cells = page.locator('.ant-table-row td:last-child');
  await cells.first().waitFor();
  await expect.poll(async () => (await page.locator('.ant-table-row').allInnerTexts()).join(' ')).toMatch(/\d{4}年/);
  const old = `${new Date().getFullYear() - 4}-06-30`;
  await page.goto(`${baseUrl}/contacts?asOf=${old}`);
  await page.locator('.ant-table-row').first().waitFor();
  await expect
    .poll(async () => (await page.locator('.ant-table-row').allInnerTexts()).join(' '))
    .not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  await page.goto(`${baseUrl}/contacts/silent?asOf=${old}`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByText('从未联系').first().waitFor();
  await page.context().close();
});

it('shows the record history in the page words', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  const id = await page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null };
    const list = (await (await fetch('/api/partnerships?q=pietermaritzburg')).json()) as {
      data: { id: number; version: number }[];
    };
    const pair = list.data[0] as { id: number; version: number };
    await fetch(`/api/partnerships/${pair.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
      body: JSON.stringify({ version: pair.version, notes: '已与外办核对', establishedOn: null }),
    });
    return pair.id;
  });
  await page.goto(`${baseUrl}/partnerships/${id}`);
  await page.locator('.record-history .ant-collapse-header').click();
  const changes = page.locator('.audit-changes').first();
  await changes.waitFor();
  const text = await changes.innerText();
  expect(text).toContain('结好日期：2002年5月 → 未填写');
  expect(text).toMatch(/备注：.+ → 已与外办核对/);
  expect(text).not.toMatch(/establishedOn|notes|sortKey|search/);
  await changes.scrollIntoViewIfNeeded();
  await shot(page, 'daily.history.zh-CN', false);
  // Put the date back: the specs after this one count this pair by its signing.
  const restored = await page.evaluate(async (pairId) => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null };
    const pair = (await (await fetch(`/api/partnerships/${pairId}`)).json()) as { version: number };
    const res = await fetch(`/api/partnerships/${pairId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
      body: JSON.stringify({ version: pair.version, establishedOn: '2002-05' }),
    });
    return res.status;
  }, id);
  expect(restored).toBe(200);
  await page.context().close();
});

it('a reviewer opening /import by address is told first, with no upload box', async () => {
  const page = await openSignedOut();
  await signInAs(page, 'reviewer');
  await page.goto(`${baseUrl}/import`);
  await page.getByTestId('no-access').getByText('无权使用此页面').waitFor();
  await page.getByText('需要编辑权限').waitFor();
  expect(await page.locator('.ant-upload').count()).toBe(0);
  await shot(page, 'daily.no-access.zh-CN', false);
  await page.goto(`${baseUrl}/partnerships/new`);
  await page.getByTestId('no-access').waitFor();
  expect(await page.locator('form').count()).toBe(0);
  await page.context().close();
});

it('a visitor signed out sees no failed request, and the map asks for no missing base map', async () => {
  const page = await openSignedOut();
  const failed: string[] = [];
  const asked: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => asked.push(r.url()));
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').waitFor();
  expect(failed).toEqual([]);
  await signInAs(page, 'reviewer');
  await page.goto(`${baseUrl}/map`);
  await page.locator('canvas').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(asked.filter((u) => u.includes('basemap.geojson'))).toEqual([]);
  expect(failed).toEqual([]);
  await page.context().close();
});

it('on a 390-px phone: every page behind one menu, and the list as cards', async () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const page = await openPage(browser, `${baseUrl}/partnerships`, { lang, viewport: PHONE });
    await page.locator('.row-card').first().waitFor();
    expect(await page.locator('.app-header .app-nav').isVisible()).toBe(false);
    const card = await page.locator('.row-card').first().innerText();
    expect(card).toMatch(/—/);
    await shot(page, `daily.phone-list.${lang}`, false);
    await page.getByRole('button', { name: lang === 'zh-CN' ? '菜单' : 'Menu' }).click();
    const drawer = page.locator('#phone-nav');
    await drawer.waitFor();
    const names = lang === 'zh-CN' ? ['联系人', '工作报告', '导入', '活动规定'] : ['Contacts', 'Reports', 'Import'];
    for (const name of names) await expect(drawer.getByRole('link', { name }).isVisible(), name).resolves.toBe(true);
    await shot(page, `daily.phone-menu.${lang}`, false);
    await drawer.getByRole('link', { name: lang === 'zh-CN' ? '工作报告' : 'Reports' }).click();
    await page.waitForURL(/\/reports/);
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await page.context().close();
  }
});

it('on a desktop: every page of the bar in view, or behind the menu where the bar is too narrow', async () => {
  const cases = [
    { lang: 'zh-CN', width: 1280, bar: true },
    { lang: 'en', width: 1280, bar: true },
    { lang: 'zh-CN', width: 1100, bar: true },
    { lang: 'en', width: 1180, bar: false },
    { lang: 'zh-CN', width: 1024, bar: false },
  ] as const;
  for (const { lang, width, bar } of cases) {
    const page = await openPage(browser, `${baseUrl}/`, { lang, viewport: { width, height: 800 } });
    await page.locator('.brand').waitFor();
    const nav = page.locator('.app-header .app-nav');
    await expect.poll(() => nav.isVisible(), { message: `${lang} ${width}` }).toBe(bar);
    if (bar) {
      // Signed in as the demo admin: every page is in the bar, the last one is Import.
      await nav.getByRole('link', { name: lang === 'zh-CN' ? '导入' : 'Import' }).waitFor();
      const clipped = await nav.evaluate((el) => {
        const right = el.getBoundingClientRect().right;
        return Array.from(el.children)
          .filter((child) => child.getBoundingClientRect().right > right + 0.5)
          .map((child) => child.textContent);
      });
      expect(clipped, `${lang} ${width}`).toEqual([]);
    } else {
      await page.getByRole('button', { name: lang === 'zh-CN' ? '菜单' : 'Menu' }).click();
      await page
        .locator('#phone-nav')
        .getByRole('link', { name: lang === 'zh-CN' ? '导入' : 'Import' })
        .waitFor();
    }
    if (width === 1280) await shot(page, `daily.desktop-bar.${lang}`, false);
    await page.context().close();
  }
});

it('opens the menu without motion for a user who asks the system for less, with it for the others', async () => {
  const running: Record<string, number> = {};
  for (const motion of [false, true]) {
    const page = await openPage(browser, `${baseUrl}/`, { viewport: { width: 1024, height: 800 }, motion });
    await page.locator('.brand').waitFor();
    // Counted as events, which a busy machine may deliver late but never loses.
    await page.evaluate(() => {
      const w = window as unknown as { moved: number };
      w.moved = 0;
      // Only the drawer's own: the dashboard behind it may still be loading, with its spinners.
      const count = (event: Event) => {
        if (event.target instanceof Element && event.target.closest('.ant-drawer')) w.moved++;
      };
      for (const type of ['transitionstart', 'animationstart']) document.addEventListener(type, count, true);
    });
    await page.getByRole('button', { name: '菜单' }).click();
    await page.locator('#phone-nav').waitFor();
    await page.waitForTimeout(600);
    running[motion ? 'motion' : 'still'] = await page.evaluate(() => (window as unknown as { moved: number }).moved);
    await page.context().close();
  }
  expect(running.still).toBe(0);
  expect(running.motion).toBeGreaterThan(0);
});

it('walks from the skip link to the list search with the keyboard alone', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  let presses = 0;
  while (presses < 30 && !(await page.evaluate(() => document.activeElement?.id === 'list-q'))) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await page.keyboard.type('changsha');
  await page.waitForURL(/q=changsha/);
  await page.locator('.ant-table-row', { hasText: '长沙市' }).first().waitFor();
  await page.context().close();
});

it('prints the list, the dashboard and a pair without the navigation, numbered', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  for (const [path, ready] of [
    ['/partnerships', '.ant-table-row'],
    ['/', 'canvas'],
    ['/partnerships/1', '.ant-descriptions'],
  ] as const) {
    await page.goto(`${baseUrl}${path}`);
    await page.locator(ready).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible(), path).toBe(false);
    expect(await page.locator('.context-bar').isVisible(), path).toBe(false);
    expect(await page.locator('.ant-btn:visible').count(), path).toBe(0);
    expect(await page.locator(ready).first().isVisible(), path).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString(), path).toBe('%PDF-');
    await shot(page, `daily.print${path.replace(/\W+/g, '-')}.zh-CN`);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.context().close();
});

it('marks chosen pairs dormant on paper 休眠 in one step, each with its reason', async () => {
  const page = await openPage(browser, `${baseUrl}/health?suggestion=dormant`);
  const rows = page.locator('.ant-table-row');
  await rows.first().waitFor();
  const before = await rows.count();
  // Nothing chosen yet: the button says so without a count of 0, and cannot be pressed.
  const none = page.getByRole('button', { name: '将选中的友城标为休眠' });
  expect(await none.isDisabled()).toBe(true);
  const names: string[] = [];
  for (const i of [0, 1]) {
    names.push((await rows.nth(i).locator('a').first().innerText()).split(' · ')[0] ?? '');
    await rows.nth(i).locator('.ant-checkbox-input').check();
  }
  await page.getByRole('button', { name: '将选中的 2 对标为休眠' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('bulk-reason').fill('三年以上无交流，年度核查');
  await shot(page, 'daily.bulk-dormant.zh-CN', false);
  await dialog.getByRole('button', { name: '标为休眠' }).click();
  await page.locator('.bulk-outcome').getByText('已将 2 对友城标为休眠').waitFor();
  await expect.poll(() => rows.count()).toBe(before - 2);
  // Each pair has its own move with the reason, then comes back for the specs after this one.
  const ids = await page.evaluate(async (wanted) => {
    const list = (await (await fetch('/api/health?scope=430000&status=dormant&perPage=100')).json()) as {
      data: { id: number; cnNameZh: string; partnerNameZh: string | null; partnerNameEn: string | null }[];
    };
    return list.data
      .filter((r) =>
        wanted.some((w) => w.startsWith(r.cnNameZh) && w.includes(r.partnerNameZh ?? r.partnerNameEn ?? '')),
      )
      .map((r) => r.id);
  }, names);
  expect(ids).toHaveLength(2);
  for (const id of ids) {
    const history = await page.evaluate(async (pairId) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null };
      const lc = (await (await fetch(`/api/partnerships/${pairId}/lifecycle`)).json()) as {
        version: number;
        history: { move: string; reason: string | null; occurredOn: string }[];
      };
      const last = lc.history.find((h) => h.move === 'dormant');
      await fetch(`/api/partnerships/${pairId}/lifecycle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
        body: JSON.stringify({
          version: lc.version,
          move: 'reactivate',
          occurredOn: last?.occurredOn,
          reason: '测试后恢复',
        }),
      });
      return last?.reason;
    }, id);
    expect(history).toBe('三年以上无交流，年度核查');
  }
  await page.context().close();
});

it('shows the office rules and the flags on the activity form as it is filled, before saving', async () => {
  const page = await openPage(browser, `${baseUrl}/activities/new`);
  await page.getByRole('heading', { name: '记录交流活动' }).waitFor();
  await choose(page, '主友城关系', 'Bridgetown', /布里奇顿/);
  const preview = page.getByTestId('rules-preview');
  await preview.getByText(/依据 湖南省 的规定：.*团组不超过 \d+ 人/).waitFor();
  await page.getByLabel('人数').fill('12');
  await page.getByLabel('天数').fill('8');
  await preview.getByText(/本条记录将违反 \d 项规定/).waitFor();
  await preview.locator('[data-rule="delegation_size"]').waitFor();
  await shot(page, 'daily.rules-preview.zh-CN', false);
  await page.getByLabel('人数').fill('3');
  await page.getByLabel('天数').fill('2');
  await page.getByLabel('审批文号').fill('湘外办〔2025〕测试2号');
  await preview.getByText('按现填内容，符合适用的活动规定').waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('changes the status of a selection of the list in one step, each pair with its own move', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships?q=ulyanovsk`);
  const rows = page.locator('.ant-table-row');
  await rows.first().waitFor();
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
  for (const i of [0, 1]) await rows.nth(i).locator('.ant-checkbox-input').check();
  await page.locator('.bulk-bar').getByText('已选 2 对').waitFor();
  await page.locator('.bulk-bar').getByRole('button', { name: '标为休眠' }).click();
  await page.getByRole('dialog').getByTestId('bulk-reason').fill('多年无交流，待议');
  await page.getByRole('dialog').getByRole('button', { name: '标为休眠' }).click();
  await page.locator('.bulk-outcome').getByText('已将 2 对友城标为休眠').waitFor();
  await expect.poll(async () => (await rows.allInnerTexts()).filter((r) => r.includes('休眠')).length).toBe(2);
  await shot(page, 'daily.list-bulk.zh-CN', false);
  // And back, so the specs after this one find them active.
  for (const i of [0, 1]) await rows.nth(i).locator('.ant-checkbox-input').check();
  await page.locator('.bulk-bar').getByRole('button', { name: '恢复活跃' }).click();
  await page.getByRole('dialog').getByTestId('bulk-reason').fill('测试后恢复');
  await page.getByRole('dialog').getByRole('button', { name: '恢复活跃' }).click();
  await page.locator('.bulk-outcome').getByText('已将 2 对友城恢复为活跃').waitFor();
  await expect.poll(async () => (await rows.allInnerTexts()).filter((r) => r.includes('休眠')).length).toBe(0);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
