/**
 * 友城匹配 as an office uses it: a request entered from a letter meets a Chinese city's request as
 * a mutual match and becomes a pair at the intent stage; the suggestions for Changsha explain each
 * place in both languages, follow the weights, and a place is shortlisted and another dismissed
 * (and restored); a reader signed in sees no write button; the page on a phone. Other specs write to
 * the same server: nothing here counts records, it finds its own by name.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser } from './harness.js';
import { openPage, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A real Kenyan city (GeoNames), entered as a letter asking for a partner in Hunan. */
const PLACE = 'Kisumu';

const candidates = (page: Page) => page.locator('.match-candidate');

/** Picks an option of the form's select by the field's id (the filters above have the same labels). */
async function pick(page: Page, id: string, search: string, option: string) {
  const input = page.locator(`.ant-drawer ${id}`);
  await input.click();
  await input.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  // Closes a multiple choice's list (Escape would close the drawer).
  await page.locator('.ant-drawer-title').click();
}

it('enters a request from a letter, sees it match Changsha and moves the match to intent', async () => {
  const page = await openPage(browser, `${baseUrl}/match?scope=430000`);
  await page.getByRole('tab', { name: '请求' }).waitFor();
  await page.locator('.match-requests .ant-table-row').first().waitFor();

  await page.getByRole('button', { name: /新建请求/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByText('外方寻找中方友城').click();
  await pick(page, '#countryIso2', '肯尼亚', '肯尼亚');
  await drawer.getByLabel('外方英文名').fill(PLACE);
  await pick(page, '#fields', '教育', '教育');
  await pick(page, '#wishedProvinces', '湖南', '湖南省');
  await drawer.getByLabel('来源', { exact: true }).fill('来函');
  await shot(page, 'match.form.zh-CN', false);
  await drawer.getByRole('button', { name: /保\s?存/ }).click();
  await drawer.waitFor({ state: 'detached' });
  const row = page.locator('.match-requests .ant-table-row', { hasText: PLACE });
  await row.waitFor();
  expect(await row.innerText()).toContain('征集中');

  // Changsha's request wishes for Africa and education: the two fit each other.
  const match = page.locator('.match-mutual-item', { hasText: PLACE }).filter({ hasText: '长沙市' });
  await match.waitFor();
  expect(await match.innerText()).toContain('对方希望在你省寻找友城');
  await shot(page, 'match.requests.zh-CN');
  await match.getByRole('button', { name: /转为意向/ }).click();
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /转为意向/ })
    .click();
  const done = page.getByRole('alert').filter({ hasText: '已进入友城生命周期' });
  await done.waitFor();
  await done.getByRole('link', { name: '查看友城关系' }).click();
  await page.waitForURL(/\/partnerships\/\d+/);
  await page.getByText(PLACE).first().waitFor();
  expect(pageErrors(page).join('\n')).toBe('');
  await page.context().close();
});

it('explains the suggestions in both languages, follows the weights, shortlists, dismisses and restores', async () => {
  const page = await openPage(browser, `${baseUrl}/match?scope=430000&tab=suggestions&cn=430100`);
  await candidates(page).first().waitFor();
  await page.locator('.match-map canvas').first().waitFor();
  const first = candidates(page).first();
  // Every candidate has at least three factors, each a sentence in the page's language.
  expect(await first.locator('.match-factors li').count()).toBeGreaterThanOrEqual(3);
  expect(await first.locator('.match-factors').innerText()).toMatch(/[一-龥]/);
  expect(await page.locator('.match-exclusions').innerText()).toContain('未与中国建交的国家');
  await shot(page, 'match.suggestions.zh-CN');

  // The map's box taken out of the page while its chart lives, as when the tab is changed and the
  // page paints before the chart is let go: the chart is not laid out into no room, and it is drawn
  // at its size again once the box is back where it was.
  const box = await page.locator('.match-map').elementHandle();
  const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  const put = await box.evaluateHandle((el) => {
    const [parent, next] = [el.parentNode as Node, el.nextSibling];
    el.remove();
    return () => parent.insertBefore(el, next);
  });
  await frames();
  expect(pageErrors(page).join('\n')).toBe('');
  await put.evaluate((back) => back());
  await frames();
  const drawn = () =>
    page.locator('.match-map').evaluate((el) => el.querySelector('canvas')?.clientWidth === el.clientWidth);
  await expect.poll(drawn).toBe(true);

  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: 'Suggestions' }).waitFor();
  await expect.poll(() => first.locator('.match-factors').innerText()).toMatch(/population|capital|pairs|climate/i);
  expect(await first.locator('.match-factors').innerText()).not.toMatch(/[一-龥]{4}/);

  // Population size to 3: the list is asked for again with that weight and the address keeps it.
  const asked = page.waitForResponse((r) => r.url().includes('/api/match/suggestions') && r.url().includes('size%3A3'));
  const slider = page.locator('[data-weight="size"] .ant-slider-handle');
  await slider.focus();
  await slider.press('End');
  await asked;
  await page.waitForURL(/weights=size(%3A|:)3/);
  await page
    .locator('.match-suggestions .ant-spin')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});

  // The first candidate not yet on the shortlist, and another one to set aside.
  const shortlisted = candidates(page)
    .filter({ has: page.getByRole('button', { name: /^Shortlist/ }) })
    .first();
  const shortName = await shortlisted.locator('.match-candidate-name strong').innerText();
  await shortlisted.getByRole('button', { name: /^Shortlist/ }).click();
  await page.locator('#match-ask-text').fill('Worth a first letter through the embassy');
  await page.locator('.ant-modal').getByRole('button', { name: 'Add to the shortlist' }).click();
  await candidates(page).filter({ hasText: shortName }).getByText('Shortlisted').waitFor();

  const dismissed = candidates(page)
    .filter({ hasNotText: shortName })
    .filter({ has: page.getByRole('button', { name: /^Dismiss/ }) })
    .first();
  const dismissName = await dismissed.locator('.match-candidate-name strong').innerText();
  await dismissed.getByRole('button', { name: /^Dismiss/ }).click();
  await page.locator('#match-ask-text').fill('Already in talks with another province');
  await page.locator('.ant-modal').getByRole('button', { name: 'Dismiss' }).click();
  // A dismissal and the suggestions read again: on a busy machine more than the poll's default second.
  await expect
    .poll(() => candidates(page).locator('.match-candidate-name strong').allInnerTexts(), { timeout: 10_000 })
    .not.toContain(dismissName);
  await shot(page, 'match.suggestions.en');

  // The shortlist with its note, and the dismissed place with its reason, restored.
  await page.getByRole('tab', { name: 'Shortlist' }).click();
  await page.locator('.ant-table-row', { hasText: shortName }).first().waitFor();
  const gone = page
    .locator('.ant-card', { hasText: 'Dismissed places' })
    .locator('.ant-table-row', { hasText: dismissName });
  expect(await gone.innerText()).toContain('Already in talks with another province');
  await shot(page, 'match.shortlist.en');
  await gone.getByRole('button', { name: /Restore/ }).click();
  await gone.waitFor({ state: 'detached' });
  expect(pageErrors(page).join('\n')).toBe('');
  await page.context().close();
});

it('signs a reader in: the board, the suggestions and the rules without a write button', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE });
  await context.addInitScript(() => {
    sessionStorage.setItem('amity.signedOut', '1');
    localStorage.setItem('amity.lang', 'zh-CN');
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/match?scope=430000`);
  await page.getByLabel('用户名').fill('reviewer');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.locator('.match-requests .row-card').first().waitFor();
  expect(await page.getByRole('button', { name: /新建请求|编\s?辑|删\s?除|转为意向/ }).count()).toBe(0);
  await shot(page, 'match.requests.phone.zh-CN');

  await page.getByRole('tab', { name: '推荐' }).click();
  await candidates(page).first().waitFor();
  expect(await page.getByRole('button', { name: /加入候选|不再推荐/ }).count()).toBe(0);
  await shot(page, 'match.suggestions.phone.zh-CN', false);

  await page.getByRole('tab', { name: '规则' }).click();
  await page.getByText('只有本级管理员可以修改规则').waitFor();
  expect(await page.getByRole('button', { name: '保存规则' }).count()).toBe(0);
  expect(pageErrors(page).join('\n')).toBe('');
  await context.close();
});
