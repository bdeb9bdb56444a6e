/**
 * The report as PDF: the printable HTML printed by headless Chromium, when it is installed. Where
 * it is not, the error says so plainly and names the other formats, which need no browser.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../../shared/errors.js';

const run = promisify(execFile);

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium to print with: AMITY_CHROMIUM, else the usual Debian and Google paths; null when none. */
export function findChromium(): string | null {
  const configured = process.env.AMITY_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export function chromiumMissing(): AppError {
  return new AppError(
    'unavailable',
    'PDF needs headless Chromium, which is not installed on this server; DOCX, HTML and Markdown work without it',
    { fix: 'install Chromium (Debian: apt-get install chromium) or set AMITY_CHROMIUM to its path' },
  );
}

/** Prints an HTML page to PDF (A4, the page's own @page rules, no browser header or footer). */
export async function renderPdf(html: string): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium) throw chromiumMissing();
  const dir = await mkdtemp(join(tmpdir(), 'amity-report-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    await writeFile(input, html);
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${output}`,
        pathToFileURL(input).href,
      ],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
    );
    if (!existsSync(output)) throw new AppError('internal', 'Chromium did not write the PDF');
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
