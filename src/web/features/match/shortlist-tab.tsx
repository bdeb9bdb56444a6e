/**
 * 候选清单: the candidates a division keeps in view, with their notes (editable), and the ones set
 * aside with their reasons, which can be restored to the suggestions.
 */
import { App as AntApp, Button, Card, Col, Popconfirm, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dismissal, ShortlistEntry } from '../../../shared/schemas/match';
import { useCountries } from '../../api/queries';
import { DivisionSelect } from '../../components/division-select';
import { EmptyState, ErrorState, useErrorMessage } from '../../components/states';
import { useNarrow } from '../../components/use-narrow';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { useDismissals, useMatchWrites, useShortlist } from './match-api';
import type { MatchSearch } from './match-search';

export function ShortlistTab({ cn, update }: { cn: string | undefined; update(patch: Partial<MatchSearch>): void }) {
  const { t, dt, name } = useI18n();
  const shortlist = useShortlist(cn);
  const dismissals = useDismissals(cn);
  const countries = useCountries();
  const can = useCan();
  const mayWrite = cn ? can.write(cn) : false;
  const narrow = useNarrow();
  const writes = useMatchWrites();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const countryName = (iso2: string) => {
    const c = countries.data?.find((x) => x.iso2 === iso2);
    return c ? name(c.nameZh, c.nameEn) : iso2;
  };
  const act = async (write: Promise<unknown>, done: string) => {
    try {
      await write;
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const placeCell = (r: { name: string; countryIso2: string }) => (
    <span>
      <strong>{r.name}</strong> <span className="muted">· {countryName(r.countryIso2)}</span>
    </span>
  );
  const noteCell = (r: ShortlistEntry) =>
    mayWrite ? (
      <Typography.Text
        editable={{
          tooltip: t('match.editNote'),
          text: r.note ?? '',
          maxLength: 2000,
          triggerType: ['icon', 'text'],
          onChange: (note) =>
            void act(writes.updateShortlistNote(r.id, note.trim() || null, r.version), t('form.saved')),
        }}
      >
        {r.note || <span className="muted">{t('match.noNote')}</span>}
      </Typography.Text>
    ) : (
      r.note || <span className="muted">{t('match.noNote')}</span>
    );
  const byWhom = (r: { createdBy: string; createdAt: string }) => (
    <span className="muted">
      {r.createdBy} · {dt(r.createdAt)}
    </span>
  );

  const shortColumns: ColumnsType<ShortlistEntry> = narrow
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <div className="row-card">
              <div className="row-card-title">{placeCell(r)}</div>
              <div>{noteCell(r)}</div>
              <div className="row-card-meta">{byWhom(r)}</div>
              {mayWrite ? <div style={{ marginTop: 4 }}>{removeButton(r)}</div> : null}
            </div>
          ),
        },
      ]
    : [
        { key: 'place', title: t('match.place'), render: (_, r) => placeCell(r) },
        { key: 'note', title: t('match.note'), render: (_, r) => noteCell(r) },
        { key: 'by', title: t('match.addedBy'), render: (_, r) => byWhom(r) },
        ...(mayWrite
          ? [{ key: 'actions', title: t('match.actions'), render: (_: unknown, r: ShortlistEntry) => removeButton(r) }]
          : []),
      ];
  function removeButton(r: ShortlistEntry) {
    return (
      <Popconfirm
        title={t('match.unshortlistConfirm')}
        okText={t('match.unshortlist')}
        cancelText={t('common.cancel')}
        onConfirm={() => act(writes.unshortlist(r.id), t('match.unshortlisted'))}
      >
        <Button size="small" aria-label={`${t('match.unshortlist')}: ${r.name}`}>
          {t('match.unshortlist')}
        </Button>
      </Popconfirm>
    );
  }
  function restoreButton(r: Dismissal) {
    return (
      <Button
        size="small"
        aria-label={`${t('match.restore')}: ${r.name}`}
        onClick={() => void act(writes.restore(r.id), t('match.restored', { name: r.name }))}
      >
        {t('match.restore')}
      </Button>
    );
  }
  const dismissColumns: ColumnsType<Dismissal> = narrow
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <div className="row-card">
              <div className="row-card-title">{placeCell(r)}</div>
              <div>{r.reason}</div>
              <div className="row-card-meta">{byWhom(r)}</div>
              {mayWrite ? <div style={{ marginTop: 4 }}>{restoreButton(r)}</div> : null}
            </div>
          ),
        },
      ]
    : [
        { key: 'place', title: t('match.place'), render: (_, r) => placeCell(r) },
        { key: 'reason', title: t('match.dismissReason'), dataIndex: 'reason' },
        { key: 'by', title: t('match.addedBy'), render: (_, r) => byWhom(r) },
        ...(mayWrite
          ? [{ key: 'actions', title: t('match.actions'), render: (_: unknown, r: Dismissal) => restoreButton(r) }]
          : []),
      ];

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="filter-field" style={{ maxWidth: 360 }}>
          <label htmlFor="match-shortlist-cn">{t('match.forDivision')}</label>
          <DivisionSelect id="match-shortlist-cn" value={cn} onChange={(value) => update({ cn: value })} />
        </div>
      </Card>
      {!cn ? (
        <EmptyState title={t('match.pickDivision')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('match.tab.shortlist')}>
              {shortlist.isError ? (
                <ErrorState error={shortlist.error} onRetry={() => void shortlist.refetch()} />
              ) : (
                <Table<ShortlistEntry>
                  rowKey="id"
                  size="small"
                  className={narrow ? 'table-cards' : undefined}
                  showHeader={!narrow}
                  columns={shortColumns}
                  dataSource={shortlist.data ?? []}
                  loading={shortlist.isPending}
                  pagination={false}
                  locale={{
                    emptyText: shortlist.isPending ? (
                      ' '
                    ) : (
                      <EmptyState title={t('match.noShortlist')} hint={t('match.noShortlistHint')} />
                    ),
                  }}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('match.dismissed')}>
              {dismissals.isError ? (
                <ErrorState error={dismissals.error} onRetry={() => void dismissals.refetch()} />
              ) : (
                <Table<Dismissal>
                  rowKey="id"
                  size="small"
                  className={narrow ? 'table-cards' : undefined}
                  showHeader={!narrow}
                  columns={dismissColumns}
                  dataSource={dismissals.data ?? []}
                  loading={dismissals.isPending}
                  pagination={false}
                  locale={{ emptyText: dismissals.isPending ? ' ' : <EmptyState title={t('match.noDismissed')} /> }}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
