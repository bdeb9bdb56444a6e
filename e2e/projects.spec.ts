/**
 * A person walks the projects list to the Barbados hybrid-rice project and its outcomes, then the
 * Ghana TV channel's sourced figures, then the Thirty-six Policies and which areas have evidence.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, overflowX, PHONE, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('walks from the projects list to the Barbados project and its outcomes', async () => {
  const page = await openPage(browser, `${baseUrl}/projects?scope=430000`);
  await page.getByRole('heading', { name: '合作项目' }).waitFor();
  const rice = page.getByRole('link', { name: '巴巴多斯杂交水稻合作' });
  await rice.waitFor();
  await page.getByRole('link', { name: '与加纳合作的电视频道' }).waitFor();
  await shot(page, 'projects.list.zh-CN');

  // Filtering by a goal keeps the rice project (SDG 2) and drops the TV channel (SDG 17).
  await page.getByLabel('可持续发展目标', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2. 零饥饿' }).click();
  await page.waitForURL(/sdg=2/);
  await page.getByRole('link', { name: '与加纳合作的电视频道' }).waitFor({ state: 'detached' });
  await rice.click();

  await page.waitForURL(/\/projects\/\d+/);
  await page.getByRole('heading', { name: /巴巴多斯杂交水稻合作/ }).waitFor();
  await page.getByText('农业', { exact: true }).first().waitFor();
  await page.getByRole('link', { name: /布里奇顿/ }).waitFor();
  // Its only outcome has no sourced number: it says so.
  await page.getByText('示范种植面积（示意）').waitFor();
  await page.getByText('标注“示意”的内容为演示用的示意数据，并非有来源的事实。').waitFor();
  await page.getByText('湖南省人民政府关于国际友好城市工作情况的报告（2024年，向湖南省人大常委会报告）').waitFor();
  await shot(page, 'projects.barbados.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('shows the Ghana channel’s sourced reach with its evidence', async () => {
  const page = await openPage(browser, `${baseUrl}/projects?scope=430000&field=media`);
  await page.getByRole('link', { name: '与加纳合作的电视频道' }).click();
  await page.getByRole('heading', { name: /与加纳合作的电视频道/ }).waitFor();
  await page.getByText('23 个国家').waitFor();
  await page.getByText('500,000,000 人').waitFor();
  expect(await page.getByText('示范种植面积').count()).toBe(0);
  await shot(page, 'projects.ghana.zh-CN');
  const url = page.url();
  await page.context().close();

  const en = await openPage(browser, url, { lang: 'en' });
  await en.getByRole('heading', { name: /TV channel with Ghana/ }).waitFor();
  await en.getByText('23 countries', { exact: true }).waitFor();
  await en.getByText('500,000,000 people', { exact: true }).waitFor();
  await en.getByRole('columnheader', { name: 'Evidence' }).waitFor();
  await shot(en, 'projects.ghana.en');
  expect(pageErrors(en)).toEqual([]);
  await en.context().close();
});

it('shows the programme’s areas and which of them have evidence, in both languages', async () => {
  const page = await openPage(browser, `${baseUrl}/programmes?scope=430000`);
  await page.getByRole('heading', { name: '规划' }).waitFor();
  // The list is in once its first programme is: the picture waits for that, not for a fixed time.
  await page.getByRole('link', { name: '三十六策' }).first().waitFor();
  await shot(page, 'programmes.list.zh-CN');
  await page.getByRole('link', { name: '三十六策' }).first().click();
  await page.getByRole('heading', { name: /三十六策/ }).waitFor();
  for (const area of ['资源', '机制', '目标', '内容', '力量', '保障']) {
    await page.locator('.area-card .ant-card-head-title', { hasText: area }).first().waitFor();
  }
  await shot(page, 'programme.areas.zh-CN');

  await page.getByText('落实证据', { exact: true }).click();
  await page.waitForURL(/view=evidence/);
  const rows = page.locator('.evidence-table .ant-table-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(6);
  // 力量 and 保障 have measures but nothing carries them out; 内容 has projects behind it.
  for (const area of ['力量', '保障']) {
    await expect.poll(() => rows.filter({ hasText: area }).getByLabel('无证据').count()).toBe(1);
  }
  expect(await rows.filter({ hasText: '内容' }).getByLabel('有证据').count()).toBe(1);
  await shot(page, 'programme.evidence.zh-CN');
  const evidenceUrl = page.url();
  await page.context().close();

  const en = await openPage(browser, evidenceUrl.replace(/^https?:\/\/[^/]+/, baseUrl), { lang: 'en' });
  await en.getByRole('columnheader', { name: 'Measures nothing carries out yet' }).waitFor();
  await en.getByText('Support', { exact: true }).waitFor();
  await shot(en, 'programme.evidence.en');
  expect(pageErrors(en)).toEqual([]);
  await en.context().close();
});

it('creates a project with the form, refuses a negative count, then records its outcome', async () => {
  const page = await openPage(browser, `${baseUrl}/projects/new?scope=430000`);
  await page.getByRole('heading', { name: '新增合作项目' }).waitFor();
  await page.getByLabel('中文名称').fill('测试青年交流项目');
  await page.getByLabel('开始').fill('2024-13');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('请按提示修改标红的字段').waitFor();
  await page.getByLabel('开始').fill('2024-07');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/projects\/\d+/);
  await page.getByRole('heading', { name: /测试青年交流项目/ }).waitFor();

  await page.getByRole('button', { name: '新增成效' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('指标（中文）').fill('参与青年');
  await dialog.getByLabel('数值').fill('-3');
  await dialog.getByLabel('截至').fill('2025');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByText(/数值与单位不符/).waitFor();
  await dialog.getByLabel('数值').fill('120');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('120 人').waitFor();
  await shot(page, 'projects.created.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('adds a measure to an area, carried out by a project, and the area then has evidence', async () => {
  const page = await openPage(browser, `${baseUrl}/programmes?scope=430000`);
  await page.getByRole('link', { name: '三十六策' }).first().click();
  await page.getByRole('heading', { name: /三十六策/ }).waitFor();
  await page.getByRole('button', { name: '新增措施 · 力量' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('编号').fill('S9');
  await dialog.getByLabel('措施内容（中文）').fill('测试：培养媒体合作人才');
  await dialog.locator('.ant-form-item', { hasText: '状态' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '推进中' }).click();
  await dialog.getByLabel('进度').fill('20');
  await dialog.locator('.ant-form-item', { hasText: '落实的项目' }).locator('.ant-select-selector').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '与加纳合作的电视频道' })
    .click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('测试：培养媒体合作人才').waitFor();

  await page.getByText('落实证据', { exact: true }).click();
  const strength = page.locator('.evidence-table .ant-table-row', { hasText: '力量' });
  await strength.getByLabel('有证据').waitFor();
  await shot(page, 'programme.evidence-added.zh-CN');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('creates a programme with the six areas offered by default', async () => {
  const page = await openPage(browser, `${baseUrl}/programmes?scope=430000`);
  await page.getByRole('button', { name: '新增规划' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('编号').fill('bad code!');
  await dialog.getByLabel('中文名称').fill('测试规划');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByText('编号须唯一，由字母、数字、. _ - 组成').waitFor();
  await dialog.getByLabel('编号').fill(`e2e-${Date.now() % 100000}`);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/programmes\/\d+/);
  await page.getByRole('heading', { name: /测试规划/ }).waitFor();
  expect(await page.locator('.area-card').count()).toBe(6);
  await page.context().close();
});

it('keeps the projects list within a phone screen: the table scrolls inside itself', async () => {
  const page = await openPage(browser, `${baseUrl}/projects`, { lang: 'en', viewport: PHONE });
  await page.locator('.ant-table-row').first().waitFor();
  expect(await overflowX(page)).toBe(0);
  await shot(page, 'projects.list.en.phone');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
