/**
 * PDF through headless Chromium, where it is installed: the pages turned into PNG (pdftoppm) and the
 * text read back (pdftotext) holds the overview as computed. Without Chromium the error says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../auth/actor.js';
import type { DbHandle } from '../../db/client.js';
import { buildPartnership } from '../../testing/factories.js';
import { createTestDb } from '../../testing/test-db.js';
import { generateReport } from '../report.service.js';
import { findChromium } from './pdf.js';

const hasPoppler = ['/usr/bin/pdftoppm', '/usr/bin/pdftotext'].every((p) => existsSync(p));
const canPrint = findChromium() !== null && hasPoppler;

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await buildPartnership(handle, {
    cnCode: '430100',
    partner: { countryIso2: 'JP', nameEn: 'Kagoshima', nameZh: '鹿儿岛' },
    establishedOn: '1982-10-30',
  });
  await buildPartnership(handle, {
    cnCode: '430100',
    partner: { countryIso2: 'BY', nameEn: 'Mogilev', nameZh: '莫吉廖夫' },
    establishedOn: '2019',
  });
});

const query = { scope: '430100', asOf: '2024-11-28', since: '2018', lang: 'zh', format: 'pdf' } as const;

describe.skipIf(!canPrint)('PDF with Chromium', () => {
  it('prints pages that pdftoppm turns into PNG, with the computed overview in their text', async () => {
    const report = await generateReport({ db: handle.db, actor: systemActor('test'), query });
    expect(report.body.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'amity-report-pdf-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, report.body);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pages.length).toBe(3);
    for (const page of pages) expect(statSync(join(dir, page)).size).toBeGreaterThan(2000);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('截至2024年11月28日，长沙市共有国际友城2对，均为市级。2018年以来新增国际友城1对。');
  }, 120_000);
});

describe('PDF without Chromium', () => {
  const saved = process.env.AMITY_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.AMITY_CHROMIUM;
    else process.env.AMITY_CHROMIUM = saved;
  });

  it('says plainly that Chromium is missing and which formats work without it', async () => {
    process.env.AMITY_CHROMIUM = '/nonexistent/chromium';
    await expect(generateReport({ db: handle.db, actor: systemActor('test'), query })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('PDF needs headless Chromium, which is not installed'),
    });
  });
});
