/**
 * 年度工作报告: the annual work report of the scope and date in the shell, previewed as the printable
 * HTML the server writes, then downloaded as Word, PDF, HTML or Markdown. Every figure is computed
 * by the server from the records; the page only chooses the options.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, Button, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DateField } from '../../components/date-field';
import { Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { defaultSinceYear, localToday } from '../../state/search';
import { fileNameOf, REPORT_FORMATS, type ReportFormat, type ReportSearch, reportUrl } from './report-model';

const route = getRouteApi('/reports');

const FORMAT_LABELS: Record<ReportFormat, string> = { docx: 'Word (DOCX)', pdf: 'PDF', html: 'HTML', md: 'Markdown' };

export function ReportPage() {
  const { t, lang } = useI18n();
  useTitle(t('report.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/reports' });
  const { scope, asOf, isLoading } = useScope();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = (patch: ReportSearch) =>
    void navigate({ search: (prev: ReportSearch) => ({ ...prev, ...patch }), replace: true });

  const reportLang = search.rlang ?? (lang === 'en' ? 'en' : 'zh');
  // The same since-year as the dashboard's: chosen there, or its default for the day.
  const since = search.since ?? defaultSinceYear(asOf ?? localToday());
  const params = scope ? { scope, asOf, since, compare: search.compare, lang: reportLang } : null;

  async function download(format: ReportFormat) {
    if (!params) return;
    setBusy(format);
    setError(null);
    try {
      const response = await fetch(reportUrl(params, format, true), {
        credentials: 'same-origin',
        headers: { 'accept-language': lang },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `${response.status}`);
      }
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = fileNameOf(response.headers.get('content-disposition'), `report.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (e) {
      setError(t('report.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('report.title')}</h1>
        <div className="filter-bar">
          <div className="filter-field">
            <label htmlFor="report-since">{t('report.since')}</label>
            <InputNumber
              id="report-since"
              min={1949}
              max={2100}
              value={since}
              onChange={(v) => update({ since: typeof v === 'number' && v >= 1949 ? v : undefined })}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="report-compare">{t('report.compare')}</label>
            <DateField id="report-compare" past value={search.compare} onChange={(compare) => update({ compare })} />
          </div>
          <div className="filter-field">
            <label htmlFor="report-lang">{t('report.lang')}</label>
            <Select
              id="report-lang"
              style={{ minWidth: 120 }}
              value={reportLang}
              onChange={(v) => update({ rlang: v })}
              options={[
                { value: 'zh', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
        </div>
      </div>
      <Typography.Paragraph className="muted">{t('report.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {REPORT_FORMATS.map((format) => (
          <Button
            key={format}
            type={format === 'docx' ? 'primary' : 'default'}
            icon={<DownloadOutlined />}
            loading={busy === format}
            disabled={!params}
            onClick={() => void download(format)}
          >
            {t('report.download', { format: FORMAT_LABELS[format] })}
          </Button>
        ))}
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
        />
      ) : null}
      {isLoading || !params ? (
        <Loading rows={8} />
      ) : (
        <iframe
          key={reportUrl(params, 'html')}
          className="report-preview"
          title={t('report.preview')}
          src={reportUrl(params, 'html')}
          style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
        />
      )}
    </>
  );
}
