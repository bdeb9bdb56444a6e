/**
 * 报道核对: paste a report or upload one (.txt, .html, .docx), give its publication day, and read
 * the cleaned text with each figure highlighted beside its verdict against the registry. A missing
 * signing is created as a draft partnership, and a published total saved as a benchmark, only when
 * the person presses the button.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, message, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { hasKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { highlight, type NewsCheckResult, toBase64 } from './news-model';

const VERDICT_COLOR: Record<string, string> = {
  agrees: 'green',
  differs: 'orange',
  unverifiable: 'default',
  context: 'blue',
  found: 'green',
  missing: 'red',
  differs_event: 'orange',
};

/** The underline of a highlighted figure, by its verdict (antd's palette). */
const MARK_COLOR: Record<string, string> = {
  agrees: '#52c41a',
  differs: '#fa8c16',
  unverifiable: '#bfbfbf',
  context: '#1677ff',
  found: '#52c41a',
  missing: '#f5222d',
  differs_event: '#fa8c16',
};

type CheckInput = { text?: string; document?: { name: string; contentBase64: string } };

export function NewsCheckPage() {
  const { t, n, lang } = useI18n();
  useTitle(t('news.title'));
  const { asOf } = useScope();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [published, setPublished] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [result, setResult] = useState<NewsCheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const label = (figure: string) => (hasKey(`news.figure.${figure}`) ? t(`news.figure.${figure}` as never) : figure);

  async function check() {
    const input: CheckInput = file ? { document: file } : { text };
    setBusy(true);
    setError(null);
    try {
      const body = { ...input, published: published || undefined, sourceUrl: sourceUrl || undefined };
      setResult(await api.post<NewsCheckResult>('/news/check', body));
      setSaved({});
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(key: string, path: string, body: unknown) {
    try {
      await api.post(path, body);
      setSaved((s) => ({ ...s, [key]: true }));
      message.success(t('news.saved'));
    } catch (e) {
      setError(e);
    }
  }

  const rows = result?.reconciliation ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div className="page-header">
        <h1>{t('news.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary">{t('news.intro')}</Typography.Paragraph>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('news.text')}
            placeholder={t('news.textPlaceholder')}
            rows={8}
            value={text}
            disabled={Boolean(file)}
            onChange={(e) => setText(e.target.value)}
          />
          <Space wrap>
            <Upload
              accept=".txt,.html,.htm,.docx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={async (f) => {
                setFile({ name: f.name, contentBase64: toBase64(new Uint8Array(await f.arrayBuffer())) });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('news.upload')}</Button>
            </Upload>
            {file && (
              <Tag closable onClose={() => setFile(null)}>
                {file.name}
              </Tag>
            )}
            <label htmlFor="news-published">{t('news.published')}</label>
            <DateField
              id="news-published"
              value={published}
              past
              max={asOf}
              onChange={(value) => setPublished(value ?? '')}
            />
            <Input
              aria-label={t('news.source')}
              placeholder={t('news.source')}
              style={{ width: 320 }}
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
            />
            <Button type="primary" loading={busy} disabled={!file && !text.trim()} onClick={() => void check()}>
              {t('news.check')}
            </Button>
          </Space>
        </Space>
      </Card>
      {error !== null && <ErrorState error={error} />}
      {result && !result.found && <Alert type="info" showIcon message={t('news.nothing')} />}
      {result?.found && (
        <>
          <Alert
            type="info"
            message={t('news.summary', {
              scope: result.scope
                ? `${lang === 'en' ? result.scope.nameEn : result.scope.nameZh} (${result.scope.code})`
                : '—',
              published: result.published ?? t('news.publishedUnknown'),
              from: t(`news.publishedFrom.${result.publishedFrom}`),
              asOf: result.asOf,
            })}
          />
          <Row gutter={24}>
            <Col xs={24} lg={11}>
              <Card title={t('news.cleaned')}>
                <div className="news-text" data-testid="news-text" style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }}>
                  {highlight(result).map((piece) =>
                    piece.figure ? (
                      <mark
                        key={piece.start}
                        title={`${label(piece.figure)} · ${piece.verdict ? t(`news.verdict.${piece.verdict}`) : ''}`}
                        className={`news-mark news-${piece.verdict ?? 'none'}`}
                        style={{
                          background: 'transparent',
                          borderBottom: `3px solid ${MARK_COLOR[piece.verdict ?? ''] ?? '#faad14'}`,
                          padding: 0,
                        }}
                      >
                        {piece.text}
                      </mark>
                    ) : (
                      <span key={piece.start}>{piece.text}</span>
                    ),
                  )}
                </div>
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  {t('news.cleaning', result.cleaning)}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} lg={13}>
              <Card title={t('news.figures')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(r) => `${r.scope}|${r.figure}|${r.published}`}
                  dataSource={rows}
                  columns={[
                    { title: t('news.col.figure'), render: (_, r) => label(r.figure) },
                    { title: t('news.col.published'), align: 'right', render: (_, r) => n(r.published) },
                    {
                      title: t('news.col.registry'),
                      align: 'right',
                      render: (_, r) =>
                        r.registry === null ? (
                          '—'
                        ) : r.records ? (
                          <a href={recordsHref(r.records)}>{r.registry}</a>
                        ) : (
                          r.registry
                        ),
                    },
                    {
                      title: t('news.col.verdict'),
                      render: (_, r) => (
                        <Tag color={VERDICT_COLOR[r.verdict]} title={r.note?.[lang] ?? undefined}>
                          {t(`news.verdict.${r.verdict}`)}
                        </Tag>
                      ),
                    },
                    {
                      title: t('news.col.difference'),
                      align: 'right',
                      render: (_, r) =>
                        r.difference
                          ? `${r.difference > 0 ? '+' : ''}${r.difference}${r.percent !== null ? ` (${r.percent}%)` : ''}`
                          : '',
                    },
                  ]}
                />
                {result.benchmark && (
                  <Button
                    style={{ marginTop: 12 }}
                    disabled={saved.benchmark}
                    onClick={() => void confirm('benchmark', '/benchmarks', result.benchmark)}
                  >
                    {saved.benchmark ? t('news.saved') : t('news.saveBenchmark', { total: result.benchmark.total })}
                  </Button>
                )}
              </Card>
              {result.checks.length > 0 && (
                <Card title={t('news.checks')} style={{ marginTop: 16 }}>
                  {result.checks.map((c) => (
                    <div key={`${c.check}|${c.figure}|${c.computed}`}>
                      <Tag color={c.ok ? 'green' : 'red'}>{c.ok ? t('news.checkOk') : t('news.checkFails')}</Tag>
                      {c.message[lang]}
                    </div>
                  ))}
                </Card>
              )}
              {result.events.length > 0 && (
                <Card title={t('news.events')} style={{ marginTop: 16 }}>
                  {result.events.map((e, i) => {
                    const key = `event-${i}`;
                    return (
                      <div key={key} data-testid="news-event" style={{ marginBottom: 8 }}>
                        <Tag color={VERDICT_COLOR[e.verdict === 'differs' ? 'differs_event' : e.verdict]}>
                          {t(`news.verdict.${e.verdict === 'differs' ? 'differs_event' : e.verdict}`)}
                        </Tag>
                        {e.cn.nameZh} – {e.partner}
                        {e.country ? ` (${e.country})` : ''} · {e.level ? t(`level.${e.level}`) : ''} ·{' '}
                        {e.date ?? t('news.dateUnknown')}
                        {e.relative && e.dateText ? ` ${t('news.fromRelative', { text: e.dateText })}` : ''}
                        {e.record && (
                          <>
                            {' '}
                            <a href={`/partnerships/${e.record.id}`}>#{e.record.id}</a>
                          </>
                        )}
                        {e.differences.length > 0 &&
                          ` · ${t('news.differs', { what: e.differences.map((d) => t(`news.diff.${d}`)).join('、') })}`}
                        {e.draft && (
                          <Button
                            size="small"
                            style={{ marginLeft: 8 }}
                            disabled={saved[key]}
                            onClick={() => void confirm(key, '/partnerships', e.draft)}
                          >
                            {saved[key] ? t('news.saved') : t('news.createDraft')}
                          </Button>
                        )}
                      </div>
                    );
                  })}
                </Card>
              )}
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

/** /api/figures/records?scope=…&figure=total → the app's records page of that figure. */
function recordsHref(apiPath: string): string {
  const url = new URL(apiPath, 'http://x');
  const figure = url.searchParams.get('figure') ?? 'total';
  url.searchParams.delete('figure');
  return `/figures/${figure}?${url.searchParams.toString()}`;
}
