/**
 * The dry-run report: counts; for a clean file the readings to check and the stored values it
 * changes, with a confirmation that names how many; for a file with problems each problem by row
 * and column with its fix, and the problem workbook to fix the file in.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportProblem, ImportReading, ImportReport } from '../../api/types';
import { hasKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/i18n';

type Change = { key: string; row: number; id: number; field: string; before: string | null; after: string | null };

export function ReportView({
  report,
  committing,
  onCommit,
  onBack,
  onDownloadProblems,
}: {
  report: ImportReport;
  committing: boolean;
  onCommit(): void;
  onBack?: () => void;
  onDownloadProblems(): void;
}) {
  const { t, n } = useI18n();
  const { modal } = AntApp.useApp();
  const empty = t('import.empty');
  const problemColumns: ColumnsType<ImportProblem> = [
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
  const readingColumns: ColumnsType<ImportReading> = [
    { key: 'row', title: t('import.row'), width: 64, dataIndex: 'row' },
    { key: 'column', title: t('import.column'), width: 150, render: (_, r) => r.column ?? r.field },
    {
      key: 'value',
      title: t('import.value'),
      width: 200,
      render: (_, r) => <Typography.Text code>{r.value}</Typography.Text>,
    },
    { key: 'reading', title: t('import.reading'), dataIndex: 'reading' },
  ];
  const changes: Change[] = report.changes.flatMap((c) =>
    c.fields.map((f) => ({ key: `${c.id}-${f.field}`, row: c.row, id: c.id, ...f })),
  );
  const changeColumns: ColumnsType<Change> = [
    { key: 'row', title: t('import.row'), width: 64, dataIndex: 'row' },
    { key: 'field', title: t('import.field'), width: 150, dataIndex: 'field' },
    { key: 'before', title: t('import.before'), render: (_, c) => c.before ?? <span className="muted">{empty}</span> },
    { key: 'after', title: t('import.after'), render: (_, c) => c.after ?? <span className="muted">{empty}</span> },
  ];
  const commit = () => {
    if (report.storedValuesChanged === 0) {
      onCommit();
      return;
    }
    modal.confirm({
      title: t('import.confirmChanges', { n: n(report.storedValuesChanged) }),
      okText: t('import.confirm'),
      cancelText: t('import.cancel'),
      onOk: onCommit,
    });
  };
  return (
    <Card size="small" title={`${t('import.report')} · ${report.fileName}`} data-testid="import-report">
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
      {report.headerRow > 1 ? <p className="muted">{t('import.headerRowFound', { n: report.headerRow })}</p> : null}
      {report.ignoredColumns.length > 0 ? (
        <p className="muted">
          {t('import.ignoredColumns', { list: report.ignoredColumns.map((c) => c.column).join('、') })}
        </p>
      ) : null}
      {report.ok ? (
        <>
          <Alert type="success" showIcon role="status" message={t('import.noProblems')} style={{ marginBottom: 16 }} />
          {report.readingCount > 0 ? (
            <section aria-labelledby="import-readings" style={{ marginBottom: 16 }}>
              <h3 id="import-readings">{t('import.readings', { n: n(report.readingCount) })}</h3>
              <p className="muted">{t('import.readingsIntro')}</p>
              <Table<ImportReading>
                rowKey={(r) => `${r.row}-${r.field}`}
                size="small"
                columns={readingColumns}
                dataSource={report.readings}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 640 }}
              />
            </section>
          ) : null}
          {changes.length > 0 ? (
            <section aria-labelledby="import-changes" style={{ marginBottom: 16 }}>
              <h3 id="import-changes">{t('import.changes', { n: n(report.storedValuesChanged) })}</h3>
              <p className="muted">{t('import.changesIntro')}</p>
              <Table<Change>
                rowKey="key"
                size="small"
                columns={changeColumns}
                dataSource={changes}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
              />
            </section>
          ) : null}
          <Space wrap>
            <Button type="primary" size="large" loading={committing} onClick={commit}>
              {t('import.commit')}
            </Button>
            {onBack ? <Button onClick={onBack}>{t('import.backToMap')}</Button> : null}
          </Space>
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
          <Space wrap style={{ marginBottom: 12 }}>
            <Button icon={<DownloadOutlined />} onClick={onDownloadProblems}>
              {t('import.downloadProblems')}
            </Button>
            <span className="muted">{t('import.downloadProblemsHint')}</span>
            {onBack ? <Button onClick={onBack}>{t('import.backToMap')}</Button> : null}
          </Space>
          <Table<ImportProblem>
            rowKey={(p) => `${p.row}-${p.column}-${p.rule}-${p.message}`}
            size="small"
            columns={problemColumns}
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
