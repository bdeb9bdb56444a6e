/**
 * 双向匹配: open requests of both sides that fit each other, each with its reasons in the page's
 * language, and 转为意向 — one step into the life cycle (a pair at the letter-of-intent stage,
 * both requests matched), linking to the new pair.
 */
import { Alert, App as AntApp, Button, Card, Input, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import type { MutualMatch } from '../../../shared/schemas/match';
import { EmptyState, ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { useCan } from '../auth/permissions';
import { type Promoted, useMatchWrites, useMutualMatches } from './match-api';
import { requestPlace } from './match-model';
import { PairLink } from './match-parts';

/** Says which side of a match is the demo's illustration. */
function DemoMark() {
  const { t } = useI18n();
  return (
    <Tag color="gold" style={{ marginInlineStart: 4 }}>
      {t('match.demo')}
    </Tag>
  );
}

export function MutualMatches() {
  const { t, n, name, lang } = useI18n();
  const { scope } = useScope();
  const matches = useMutualMatches(scope);
  const can = useCan();
  const writes = useMatchWrites();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [promoting, setPromoting] = useState<MutualMatch | null>(null);
  const [kind, setKind] = useState<'friendship' | 'exchange'>('friendship');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [promoted, setPromoted] = useState<Promoted | null>(null);
  const pairName = (m: { cnRequest: MutualMatch['cnRequest']; foreignRequest: MutualMatch['foreignRequest'] }) =>
    `${requestPlace(m.cnRequest, name)} — ${requestPlace(m.foreignRequest, name)}`;

  async function promote() {
    if (!promoting) return;
    setBusy(true);
    try {
      const result = await writes.promote({
        cnRequestId: promoting.cnRequest.id,
        foreignRequestId: promoting.foreignRequest.id,
        kind,
        note: note.trim() || null,
      });
      setPromoted(result);
      setPromoting(null);
      setNote('');
      message.success(t('match.promoted'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const list = matches.data ?? [];
  return (
    <Card
      size="small"
      className="match-mutual"
      title={`${t('match.mutual')}${matches.data ? ` ${n(list.length)}` : ''}`}
      style={{ marginBottom: 12 }}
    >
      {promoted ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setPromoted(null)}
          style={{ marginBottom: 8 }}
          message={
            <span>
              {t('match.promotedBody', { pair: pairName(promoted) })} <PairLink id={promoted.partnershipId} />
            </span>
          }
        />
      ) : null}
      {matches.isPending ? (
        <Loading rows={2} />
      ) : matches.isError ? (
        <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState title={t('match.noMutual')} hint={t('match.noMutualHint')} />
      ) : (
        <ul className="match-mutual-list">
          {list.map((m) => {
            const mayPromote = can.write(m.cnRequest.ownerScope) && can.write(m.foreignRequest.ownerScope);
            return (
              <li key={`${m.cnRequest.id}-${m.foreignRequest.id}`} className="match-mutual-item">
                <div className="match-mutual-head">
                  <strong>{requestPlace(m.cnRequest, name)}</strong>
                  {m.cnRequest.isDemo ? <DemoMark /> : null}
                  <span aria-hidden> — </span>
                  <strong>{requestPlace(m.foreignRequest, name)}</strong>
                  {m.foreignRequest.isDemo ? <DemoMark /> : null}
                  {m.foreignRequest.foreign ? (
                    <span className="muted">
                      {' '}
                      · {name(m.foreignRequest.foreign.countryNameZh, m.foreignRequest.foreign.countryNameEn)}
                    </span>
                  ) : null}
                </div>
                <ul className="match-reasons">
                  {m.reasons.map((r) => (
                    <li key={r.en}>{lang === 'zh-CN' ? r.zh : r.en}</li>
                  ))}
                </ul>
                <Space wrap size={4}>
                  {m.commonFields.map((f) => (
                    <Tag key={f} color="green">
                      {t(`fieldOf.${f}`)}
                    </Tag>
                  ))}
                  {mayPromote ? (
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => setPromoting(m)}
                      aria-label={`${t('match.promote')}: ${pairName(m)}`}
                    >
                      {t('match.promote')}
                    </Button>
                  ) : null}
                </Space>
              </li>
            );
          })}
        </ul>
      )}
      <Modal
        open={promoting !== null}
        title={promoting ? `${t('match.promote')}: ${pairName(promoting)}` : ''}
        okText={t('match.promoteConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void promote()}
        onCancel={() => setPromoting(null)}
      >
        <p>{t('match.promoteHint')}</p>
        <Radio.Group
          aria-label={t('field.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: 'friendship', label: t('kind.friendship') },
            { value: 'exchange', label: t('kind.exchange') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <label htmlFor="match-promote-note" className="block">
          {t('match.promoteNote')}
        </label>
        <Input.TextArea
          id="match-promote-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
