import { describe, expect, it } from 'vitest';
import { fileNameOf, reportUrl, validateReportSearch } from './report-model';

describe('report page state', () => {
  it('keeps a year, a real day and a language; drops the rest', () => {
    expect(validateReportSearch({ since: '2018', compare: '2023-11-28', rlang: 'en' })).toEqual({
      since: 2018,
      compare: '2023-11-28',
      rlang: 'en',
    });
    expect(validateReportSearch({ since: '18', compare: '2023-13-45', rlang: 'fr' })).toEqual({
      since: undefined,
      compare: undefined,
      rlang: undefined,
    });
  });

  it('builds the API address of each format, HTML inline unless downloaded', () => {
    const params = { scope: '430000', asOf: '2024-11-28', since: 2018, lang: 'zh' as const };
    expect(reportUrl(params, 'docx')).toBe('/api/reports/annual.docx?scope=430000&asOf=2024-11-28&since=2018&lang=zh');
    expect(reportUrl({ ...params, asOf: undefined, since: undefined }, 'html')).toBe(
      '/api/reports/annual.html?scope=430000&lang=zh',
    );
    expect(reportUrl(params, 'html', true)).toContain('download=true');
    expect(reportUrl(params, 'pdf', true)).not.toContain('download');
  });

  it('reads the file name the server gives', () => {
    expect(fileNameOf(`attachment; filename="r.docx"; filename*=UTF-8''r%20x.docx`, 'f')).toBe('r x.docx');
    expect(fileNameOf('attachment; filename="r.md"', 'f')).toBe('r.md');
    expect(fileNameOf(null, 'fallback.pdf')).toBe('fallback.pdf');
  });
});
