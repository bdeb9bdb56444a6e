/**
 * 导入: upload a CSV or XLSX file, read the dry-run report (rows, what would be added, updated or
 * left unchanged, every problem with its row, column and fix), then import it for real. All rows
 * or none: a file with a problem writes nothing.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError, apiUrl, request } from '../../api/client';
import { keys } from '../../api/queries';
import type { ImportProblem, ImportReport } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { hasKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/i18n';
import { contentTypeOf, IMPORT_TYPES, type ImportType, reportOfError } from './import-model';

type Step =
  | { kind: 'idle' }
  | { kind: 'checking'; file: File }
  | { kind: 'checked'; file: File; report: ImportReport }
  | { kind: 'committing'; file: File; report: ImportReport }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; file: File | null; error: unknown };

async function send(file: File, type: ImportType, dryRun: boolean): Promise<ImportReport> {
  try {
    return await request<ImportReport>('POST', '/imports', {
      params: { dryRun: String(dryRun), type, fileName: file.name },
      body: await file.arrayBuffer(),
      headers: { 'Content-Type': contentTypeOf(file.name) },
    });
  } catch (error) {
    const report = reportOfError(error);
    if (report) return report;
    throw error;
  }
}

export function ImportPage() {
  const { t, n, lang } = useI18n();
  useTitle(t('import.title'));
  const queryClient = useQueryClient();
  const [type, setType] = useState<ImportType>('partnerships');
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const headers = lang === 'zh-CN' ? 'zh' : 'en';

  async function check(file: File) {
    if (!contentTypeOf(file.name, true)) {
      setStep({ kind: 'failed', file: null, error: new ApiError(400, 'unsupported', t('import.unsupported')) });
      return;
    }
    setStep({ kind: 'checking', file });
    try {
      setStep({ kind: 'checked', file, report: await send(file, type, true) });
    } catch (error) {
      setStep({ kind: 'failed', file, error });
    }
  }

  async function commit(file: File, report: ImportReport) {
    setStep({ kind: 'committing', file, report });
    try {
      const done = await send(file, type, false);
      if (done.ok && !done.dryRun) {
        setStep({ kind: 'done', report: done });
        void queryClient.invalidateQueries({ queryKey: keys.partnerships });
        void queryClient.invalidateQueries({ queryKey: keys.figures });
        void queryClient.invalidateQueries({ queryKey: keys.benchmarks });
        void queryClient.invalidateQueries({ queryKey: ['groups'] });
        void queryClient.invalidateQueries({ queryKey: ['defaultScope'] });
      } else {
        setStep({ kind: 'checked', file, report: done });
      }
    } catch (error) {
      setStep({ kind: 'failed', file, error });
    }
  }

  const busy = step.kind === 'checking' || step.kind === 'committing';

  return (
    <>
      <div className="page-header">
        <h1>{t('import.title')}</h1>
        <Space wrap>
          <Typography.Text className="muted">{t('import.template')}:</Typography.Text>
          <a href={apiUrl('/imports/template.csv', { type, headers })} download>
            <DownloadOutlined /> {t('import.templateCsv')}
          </a>
          <a href={apiUrl('/imports/template.xlsx', { type, headers })} download>
            <DownloadOutlined /> {t('import.templateXlsx')}
          </a>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
        <div className="filter-bar">
          <div className="filter-field">
            <label htmlFor="import-type">{t('import.type')}</label>
            <Select
              id="import-type"
              value={type}
              disabled={busy}
              onChange={(value) => {
                setType(value);
                setStep({ kind: 'idle' });
              }}
              options={IMPORT_TYPES.map((v) => ({ value: v, label: t(`import.type.${v}`) }))}
              style={{ minWidth: 160 }}
            />
          </div>
        </div>
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </Card>

      {step.kind === 'checking' ? (
        <Card size="small" title={step.file.name}>
          <p role="status">{t('import.checking')}</p>
          <Loading rows={3} />
        </Card>
      ) : null}
      {step.kind === 'failed' ? <ErrorState error={step.error} /> : null}
      {step.kind === 'checked' || step.kind === 'committing' ? (
        <ReportView
          report={step.report}
          committing={step.kind === 'committing'}
          onCommit={() => void commit(step.file, step.report)}
        />
      ) : null}
      {step.kind === 'done' ? (
        <Card size="small" title={`${t('import.committed')} · ${step.report.fileName}`}>
          <Alert type="success" showIcon role="status" message={t('import.committed')} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('import.rows')} value={n(step.report.rows)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('import.addedDone')} value={n(step.report.added)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('import.updatedDone')} value={n(step.report.updated)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('import.unchanged')} value={n(step.report.unchanged)} />
            </Col>
          </Row>
          <Space style={{ marginTop: 16 }}>
            <Link to="/partnerships">{t('nav.partnerships')}</Link>
            <Button onClick={() => setStep({ kind: 'idle' })}>{t('import.another')}</Button>
          </Space>
        </Card>
      ) : null}
    </>
  );
}

function ReportView({ report, committing, onCommit }: { report: ImportReport; committing: boolean; onCommit(): void }) {
  const { t, n } = useI18n();
  const columns: ColumnsType<ImportProblem> = [
    { key: 'row', title: t('import.row'), width: 64, render: (_, p) => p.row ?? '—' },
    { key: 'column', title: t('import.column'), width: 150, render: (_, p) => p.column ?? p.field ?? '—' },
    {
      key: 'value',
      title: t('import.value'),
      width: 140,
      render: (_, p) => (p.value ? <Typography.Text code>{p.value}</Typography.Text> : null),
    },
    {
      key: 'message',
      title: t('import.message'),
      width: 200,
      render: (_, p) => {
        const key = `import.rule.${p.rule}`;
        return (
          <span>
            {hasKey(key) ? <Tag color="red">{t(key)}</Tag> : null}
            <span className="block">{p.message}</span>
            {p.otherRow ? <span className="muted block">{t('import.otherRow', { row: p.otherRow })}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'fix',
      title: t('import.fix'),
      render: (_, p) => (
        <span>
          {p.fix}
          {p.suggestions && p.suggestions.length > 0 ? (
            <span className="muted block">{t('import.suggestions', { list: p.suggestions.join(', ') })}</span>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Card size="small" title={`${t('import.report')} · ${report.fileName}`}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title={t('import.rows')} value={n(report.rows)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('import.added')} value={n(report.added)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('import.updated')} value={n(report.updated)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('import.unchanged')} value={n(report.unchanged)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('import.placesAdded')} value={n(report.placesAdded)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('import.problems')}
            value={n(report.problemCount)}
            valueStyle={report.problemCount > 0 ? { color: '#c0392b' } : undefined}
          />
        </Col>
      </Row>
      {report.ok ? (
        <>
          <Alert type="success" showIcon role="status" message={t('import.noProblems')} style={{ marginBottom: 16 }} />
          <Button type="primary" size="large" loading={committing} onClick={onCommit}>
            {t('import.commit')}
          </Button>
        </>
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('import.problemCount', { n: n(report.problemCount) })}
            description={
              report.problems.length < report.problemCount
                ? `${t('import.fixAndRetry')} (${t('import.problemsListed', { n: n(report.problems.length) })})`
                : t('import.fixAndRetry')
            }
            style={{ marginBottom: 16 }}
          />
          <Table<ImportProblem>
            rowKey={(p) => `${p.row}-${p.column}-${p.rule}-${p.message}`}
            size="small"
            columns={columns}
            dataSource={report.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 860 }}
            tableLayout="fixed"
          />
        </>
      )}
    </Card>
  );
}
