/**
 * The wizard's second step: the file's columns beside the fields. Each column shows its header, how
 * it was matched and its first values, with a select of the fields (and "ignore this column");
 * the sheet and the header row can be changed. The mapping can be saved for the office or downloaded.
 */
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ImportPreview, Mapping } from '../../../shared/schemas/imports';
import { saveFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { type Choice, duplicateFields, IGNORE, unmapped } from './import-model';

type Column = ImportPreview['columns'][number];

const HOW_COLOR: Record<Column['how'], string> = {
  known: 'green',
  mapped: 'blue',
  serial: 'default',
  empty: 'default',
  ignored: 'default',
  unknown: 'orange',
};

export function ImportColumns({
  preview,
  choices,
  onChoose,
  onSheet,
  onHeaderRow,
  onCheck,
  onBack,
  onSave,
  mapping,
  busy,
}: {
  preview: ImportPreview;
  choices: readonly Choice[];
  onChoose(index: number, choice: Choice): void;
  onSheet(sheet: string): void;
  onHeaderRow(row: number): void;
  onCheck(): void;
  onBack(): void;
  onSave(name: string): Promise<void>;
  mapping: Mapping;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const open = unmapped(preview, choices);
  const twice = duplicateFields(choices);
  const fieldOptions = [
    ...preview.fields.map((f) => ({
      value: f.name,
      label: `${f.label}${f.label === f.name ? '' : ` · ${f.name}`}${f.required ? ` (${t('import.required')})` : ''}`,
    })),
    { value: IGNORE, label: t('import.ignore') },
  ];
  const columns: ColumnsType<Column> = [
    {
      key: 'column',
      title: t('import.fileColumn'),
      width: 200,
      render: (_, c) => (
        <span>
          <Typography.Text strong>{c.header || `(${c.letter})`}</Typography.Text>
          <span className="muted"> · {c.letter}</span>
          <span className="block">
            <Tag color={HOW_COLOR[c.how]}>{t(`import.how.${c.how}`)}</Tag>
          </span>
        </span>
      ),
    },
    {
      key: 'samples',
      title: t('import.samples'),
      render: (_, c) => (
        <span className="import-samples">
          {c.samples.slice(0, 3).map((v, i) => (
            // The same value may stand in two rows: the position keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: sample values are shown in their order and never reordered
            <Typography.Text code key={i}>
              {v}
            </Typography.Text>
          ))}
        </span>
      ),
    },
    {
      key: 'field',
      title: t('import.field'),
      width: 280,
      render: (_, c) => (
        <Select
          aria-label={`${t('import.field')}: ${c.header || c.letter}`}
          value={choices[c.index]}
          placeholder={t('import.chooseField')}
          status={choices[c.index] === undefined || twice.includes(choices[c.index] ?? '') ? 'warning' : undefined}
          onChange={(value: string) => onChoose(c.index, value)}
          options={fieldOptions}
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
        />
      ),
    },
  ];
  const download = () =>
    saveFile(
      new Blob([`${JSON.stringify(mapping, null, 2)}\n`], { type: 'application/json' }),
      `${preview.fileName.replace(/\.[a-z0-9]+$/i, '')}.mapping.json`,
    );
  return (
    <Card size="small" title={`${t('import.mapTitle')} · ${preview.fileName}`} data-testid="import-columns">
      <Typography.Paragraph>{t('import.mapIntro')}</Typography.Paragraph>
      <div className="filter-bar">
        {preview.sheets.length > 1 ? (
          <div className="filter-field">
            <label htmlFor="import-sheet">{t('import.sheet')}</label>
            <Select
              id="import-sheet"
              value={preview.sheet ?? undefined}
              onChange={onSheet}
              options={preview.sheets.map((s) => ({ value: s, label: s }))}
              style={{ minWidth: 160 }}
            />
          </div>
        ) : null}
        <div className="filter-field">
          <label htmlFor="import-header-row">{t('import.headerRow')}</label>
          <InputNumber
            id="import-header-row"
            min={1}
            value={preview.headerRow}
            onChange={(value) => value && onHeaderRow(Number(value))}
          />
        </div>
      </div>
      <Table<Column>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={preview.columns}
        pagination={false}
        scroll={{ x: 700 }}
      />
      {open.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('import.unmapped', { n: open.length })}
          description={open.join('、')}
        />
      ) : null}
      {twice.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('import.rule.duplicate_column')}
          description={twice.join(', ')}
        />
      ) : null}
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={onCheck} loading={busy} disabled={open.length > 0 || twice.length > 0}>
          {t('import.dryRun')}
        </Button>
        <Button onClick={onBack} disabled={busy}>
          {t('import.backToUpload')}
        </Button>
        <Input
          aria-label={t('import.mappingName')}
          placeholder={t('import.mappingName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 200 }}
        />
        <Button
          icon={<SaveOutlined />}
          disabled={!name.trim() || saving}
          loading={saving}
          onClick={async () => {
            setSaving(true);
            try {
              await onSave(name.trim());
              setSaved(name.trim());
            } finally {
              setSaving(false);
            }
          }}
        >
          {t('import.saveMapping')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('import.exportMapping')}
        </Button>
      </Space>
      {saved ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 12 }}
          message={t('import.mappingSaved', { name: saved })}
        />
      ) : null}
    </Card>
  );
}
