/**
 * 导入: a wizard. Upload a CSV or XLSX file (with a saved mapping of the office, if one fits) → the
 * file's columns beside the fields, matched by header where known and chosen by hand otherwise, with
 * the first values shown → the dry-run report (how each value was read, every stored value the file
 * changes, every problem with its fix) → import. A file whose columns are all known goes straight
 * to the report. All rows or none: a file with a problem writes nothing; an import can be undone.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportPreview, Mapping, SavedMapping } from '../../../shared/schemas/imports';
import { ApiError, api, apiUrl, request, requestBlob, saveFile } from '../../api/client';
import { keys } from '../../api/queries';
import type { ImportReport } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { ImportColumns } from './import-columns';
import {
  type Choice,
  contentTypeOf,
  IMPORT_TYPES,
  type ImportType,
  initialChoices,
  mappingOf,
  reportOfError,
  unmapped,
  uploadForm,
} from './import-model';
import { ReportView } from './import-report';
import { ImportRuns, importRunsKey } from './import-runs';

type Mapped = { file: File; preview: ImportPreview; choices: Choice[] };
type Step =
  | { kind: 'idle' }
  | { kind: 'previewing'; file: File }
  | ({ kind: 'mapping' } & Mapped)
  | ({ kind: 'checking' } & Mapped)
  | ({ kind: 'checked'; report: ImportReport } & Mapped)
  | ({ kind: 'committing'; report: ImportReport } & Mapped)
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; file: File | null; error: unknown };

const mappingsKey = ['importMappings'] as const;

async function send(file: File, mapping: Mapping, dryRun: boolean): Promise<ImportReport> {
  try {
    return await request<ImportReport>('POST', '/imports', {
      params: { dryRun: String(dryRun), type: mapping.type, fileName: file.name },
      body: uploadForm(file, mapping),
    });
  } catch (error) {
    const report = reportOfError(error);
    if (report) return report;
    throw error;
  }
}

function preview(
  file: File,
  type: ImportType,
  mapping: Mapping | undefined,
  params: { sheet?: string; headerRow?: number } = {},
) {
  return request<ImportPreview>('POST', '/imports/preview', {
    params: { type, fileName: file.name, ...params },
    body: uploadForm(file, mapping),
  });
}

const STEP_INDEX: Record<Step['kind'], number> = {
  idle: 0,
  previewing: 0,
  failed: 0,
  mapping: 1,
  checking: 2,
  checked: 2,
  committing: 3,
  done: 3,
};

export function ImportPage() {
  const { t, n, lang } = useI18n();
  useTitle(t('import.title'));
  const can = useCan();
  const queryClient = useQueryClient();
  const [type, setType] = useState<ImportType>('partnerships');
  const [savedId, setSavedId] = useState<number | undefined>();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const headers = lang === 'zh-CN' ? 'zh' : 'en';
  const mappings = useQuery({
    queryKey: mappingsKey,
    queryFn: () => api.get<{ data: SavedMapping[] }>('/import-mappings'),
  });
  const saved = mappings.data?.data.find((m) => m.id === savedId);

  async function check({ file, preview, choices }: Mapped) {
    const mapped = { file, preview, choices };
    setStep({ kind: 'checking', ...mapped });
    try {
      const report = await send(mapped.file, mappingOf(mapped.preview, mapped.choices), true);
      setStep({ kind: 'checked', ...mapped, report });
    } catch (error) {
      setStep({ kind: 'failed', file: mapped.file, error });
    }
  }

  async function open(file: File, params: { sheet?: string; headerRow?: number } = {}, auto = true) {
    if (!contentTypeOf(file.name, true)) {
      setStep({ kind: 'failed', file: null, error: new ApiError(400, 'unsupported', t('import.unsupported')) });
      return;
    }
    setStep({ kind: 'previewing', file });
    try {
      const read = await preview(file, saved?.mapping.type ?? type, saved?.mapping, params);
      const mapped = { file, preview: read, choices: initialChoices(read) };
      // A file whose columns are all known (a template, or a saved mapping that fits) goes straight to the check.
      if (auto && unmapped(read, mapped.choices).length === 0 && read.problems.length === 0) await check(mapped);
      else setStep({ kind: 'mapping', ...mapped });
    } catch (error) {
      setStep({ kind: 'failed', file, error });
    }
  }

  async function commit({ file, preview, choices }: Mapped, report: ImportReport) {
    const mapped = { file, preview, choices };
    setStep({ kind: 'committing', ...mapped, report });
    try {
      const done = await send(mapped.file, mappingOf(mapped.preview, mapped.choices), false);
      if (done.ok && !done.dryRun) {
        setStep({ kind: 'done', report: done });
        for (const key of [
          keys.partnerships,
          keys.figures,
          keys.benchmarks,
          ['groups'],
          ['defaultScope'],
          importRunsKey,
        ]) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
      } else {
        setStep({ kind: 'checked', ...mapped, report: done });
      }
    } catch (error) {
      setStep({ kind: 'failed', file: mapped.file, error });
    }
  }

  async function downloadProblems(mapped: Mapped) {
    const mapping = mappingOf(mapped.preview, mapped.choices);
    try {
      const blob = await requestBlob('POST', '/imports/problems.xlsx', {
        params: { type: mapping.type, fileName: mapped.file.name },
        body: uploadForm(mapped.file, mapping),
      });
      saveFile(blob, `${mapped.file.name.replace(/\.[a-z0-9]+$/i, '')}.${lang === 'en' ? 'problems' : '问题'}.xlsx`);
    } catch (error) {
      setStep({ kind: 'failed', file: mapped.file, error });
    }
  }

  async function saveMapping(mapped: Mapped, name: string) {
    await api.post<SavedMapping>('/import-mappings', { name, mapping: mappingOf(mapped.preview, mapped.choices) });
    void queryClient.invalidateQueries({ queryKey: mappingsKey });
  }

  const busy = step.kind === 'previewing' || step.kind === 'checking' || step.kind === 'committing';

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
      <Steps
        size="small"
        current={STEP_INDEX[step.kind]}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.map') },
          { title: t('import.step.check') },
          { title: t('import.step.done') },
        ]}
      />
      {step.kind !== 'mapping' && step.kind !== 'checking' ? (
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
            <div className="filter-field filter-field-wide">
              <label htmlFor="import-mapping">{t('import.savedMapping')}</label>
              <Select
                id="import-mapping"
                value={savedId ?? 0}
                disabled={busy}
                onChange={(value: number) => setSavedId(value || undefined)}
                options={[
                  { value: 0, label: t('import.savedMappingNone') },
                  ...(mappings.data?.data ?? []).map((m) => ({ value: m.id, label: m.name })),
                ]}
                style={{ minWidth: 220 }}
              />
            </div>
          </div>
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void open(file);
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
      ) : null}

      {step.kind === 'previewing' ? (
        <Card size="small" title={step.file.name}>
          <p role="status">{t('import.previewing')}</p>
          <Loading rows={3} />
        </Card>
      ) : null}
      {step.kind === 'failed' ? <ErrorState error={step.error} /> : null}
      {step.kind === 'mapping' || step.kind === 'checking' ? (
        <ImportColumns
          preview={step.preview}
          choices={step.choices}
          mapping={mappingOf(step.preview, step.choices)}
          busy={step.kind === 'checking'}
          onChoose={(index, choice) => {
            const choices = [...step.choices];
            choices[index] = choice;
            setStep({ ...step, kind: 'mapping', choices });
          }}
          onSheet={(sheet) => void open(step.file, { sheet }, false)}
          onHeaderRow={(headerRow) =>
            void open(step.file, { sheet: step.preview.sheet ?? undefined, headerRow }, false)
          }
          onCheck={() => void check(step)}
          onBack={() => setStep({ kind: 'idle' })}
          onSave={(name) => saveMapping(step, name)}
        />
      ) : null}
      {step.kind === 'checking' ? (
        <Card size="small" style={{ marginTop: 16 }}>
          <p role="status">{t('import.checking')}</p>
          <Loading rows={3} />
        </Card>
      ) : null}
      {step.kind === 'checked' || step.kind === 'committing' ? (
        <ReportView
          report={step.report}
          committing={step.kind === 'committing'}
          onCommit={() => void commit(step, step.report)}
          onBack={() => setStep({ ...step, kind: 'mapping' })}
          onDownloadProblems={() => void downloadProblems(step)}
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
      <ImportRuns canWrite={can.writeAnywhere} />
    </>
  );
}
