/** A dormant partnership comes back to active; its history says who, when and why; a document is attached. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser } from './harness.js';
import { openPage, pageErrors, shot } from './helpers.js';

let browser: Browser;
const baseUrl = inject('baseUrl');
let detailUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The demo's dormant pair: 长沙市 – Mons (its dormancy is an illustrative move of the demo). */
async function findMons(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await fetch('/api/partnerships?cn=430100&q=mons');
    const body = (await res.json()) as { data?: { id: number }[] };
    return body.data?.[0]?.id ?? 0;
  });
}

it('brings a dormant partnership back to active, and the history says who, when and why', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  // The demo signs the local browser in; the list answers once it has.
  await page.locator('.ant-table-row').first().waitFor();
  const id = await findMons(page);
  expect(id).toBeGreaterThan(0);
  detailUrl = `${baseUrl}/partnerships/${id}`;
  await page.goto(detailUrl);
  const panel = page.getByTestId('lifecycle-panel');
  await panel.waitFor();
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('休眠');
  // The dormancy is the demo's illustrative move, and says so.
  await panel.getByText('转为休眠').first().waitFor();
  await panel.getByText('演示', { exact: true }).first().waitFor();
  await panel.getByTestId('lc-move-reactivate').scrollIntoViewIfNeeded();
  await shot(page, 'lifecycle.dormant.zh-CN', false);

  await panel.getByTestId('lc-move-reactivate').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // The reason is required: saving without it is refused on the field.
  await dialog.getByTestId('lc-submit').click();
  await dialog.getByText('请填写原因').waitFor();
  await dialog.getByTestId('lc-field-occurredOn').fill('2024-06-01');
  await dialog.getByTestId('lc-field-reason').fill('双方市长互访，恢复交流');
  await dialog.getByTestId('lc-submit').click();
  await dialog.waitFor({ state: 'hidden' });

  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('活跃');
  const history = panel.getByTestId('lc-history');
  await history.getByText('双方市长互访，恢复交流').waitFor();
  await history.getByText('恢复活跃').waitFor();
  expect(await history.locator('.ant-timeline-item').count()).toBe(2);
  // The header and the record follow the move; only the allowed moves are offered now.
  await page.locator('h1').getByText('活跃').waitFor();
  expect(await panel.getByTestId('lc-move-reactivate').count()).toBe(0);
  await panel.getByTestId('lc-move-dormant').waitFor();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'lifecycle.reactivated.zh-CN', false);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

it('attaches an agreement scan and shows the life cycle in English', async () => {
  expect(detailUrl).not.toBe('');
  const page = await openPage(browser, detailUrl, { lang: 'en' });
  const panel = page.getByTestId('lifecycle-panel');
  await panel.waitFor();
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('Active');
  await panel.getByText('Reactivate').first().waitFor();

  const docs = page.getByTestId('documents-panel');
  await docs.locator('input[type=file]').setInputFiles({
    name: 'agreement-scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await docs.getByRole('link', { name: 'agreement-scan.pdf' }).waitFor();
  await docs.getByText('Agreement').first().waitFor();
  // A file that is not what its name says is refused by its content.
  await docs.locator('input[type=file]').setInputFiles({
    name: 'letter.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('this is plain text, not a PDF'),
  });
  await page.getByText('letter.pdf is not a PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) file').first().waitFor();
  expect(await docs.getByRole('link', { name: 'letter.pdf' }).count()).toBe(0);
  await docs.scrollIntoViewIfNeeded();
  await shot(page, 'lifecycle.documents.en', false);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
