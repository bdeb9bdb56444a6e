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

it('walks a letter of intent through the approvals in order to a signed partnership', async () => {
  const page = await openPage(browser, `${baseUrl}/partnerships`);
  await page.locator('.ant-table-row').first().waitFor();
  // A pair in preparation is made through the API (the form makes established pairs).
  const id = await page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string | null };
    const res = await fetch('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
      body: JSON.stringify({
        cnCode: '430400',
        stage: 'exchanging',
        partner: { countryIso2: 'KE', nameEn: 'E2e Nakuru' },
      }),
    });
    return ((await res.json()) as { id: number }).id;
  });
  await page.goto(`${baseUrl}/partnerships/${id}`);
  const panel = page.getByTestId('lifecycle-panel');
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('交流阶段');
  await panel.locator('.ant-steps').waitFor();
  // Not signed yet: no health score (which would call a pair without activities dormant).
  await page.getByText('尚未签约：交流阶段').waitFor();
  const notSigned = page.getByText('活跃度从签约起评估；此友城关系目前为“交流阶段”。');
  await notSigned.scrollIntoViewIfNeeded();
  await shot(page, 'lifecycle.not-signed.zh-CN', false);

  const move = async (name: string, fields: Record<string, string>) => {
    await panel.getByTestId(`lc-move-${name}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const [field, value] of Object.entries(fields)) await dialog.getByTestId(`lc-field-${field}`).fill(value);
    await dialog.getByTestId('lc-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  };
  await move('propose', { occurredOn: '2024-01-10' });
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('报批中');
  await move('approve', { occurredOn: '2024-02-01', approver: '衡阳市人民政府', reference: '衡政函〔2024〕1号' });
  await panel.getByText('下一步：省级批准').waitFor();
  await panel.getByTestId('lc-approvals').getByText('衡阳市人民政府').waitFor();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'lifecycle.approvals.zh-CN', false);
  await move('approve', { occurredOn: '2024-03-01', approver: '湖南省外办', reference: '湘外办〔2024〕2号' });
  await move('approve', { occurredOn: '2024-04-01', approver: '中国人民对外友好协会', reference: '友协〔2024〕3号' });
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('已批准待签约');
  await move('establish', { occurredOn: '2024-05-20', place: 'Nakuru' });
  await expect.poll(() => panel.getByTestId('lc-phase').textContent()).toBe('活跃');
  expect(await panel.getByTestId('lc-history').locator('.ant-timeline-item').count()).toBe(5);
  // Signed: the health panel takes the place of the note.
  await expect.poll(() => page.getByText(/活跃度从签约起评估/).count()).toBe(0);
  await page.getByLabel(/^综合得分/).waitFor();
  await page.getByText('2024年5月20日').first().waitFor();
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
