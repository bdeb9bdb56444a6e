/** 规划: the programmes of the scope, each with its period and a way into its areas and evidence. */
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Tag } from 'antd';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { useProgrammeList } from '../projects/project-api';

export function ProgrammeListPage() {
  const { t, name, d } = useI18n();
  useTitle(t('programmes.title'));
  const { scope } = useScope();
  const list = useProgrammeList(scope, Boolean(scope));
  return (
    <>
      <div className="page-header">
        <h1>{t('programmes.title')}</h1>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyState title={t('programmes.empty')} hint={t('programmes.emptyHint')} />
      ) : (
        <Row gutter={[16, 16]}>
          {list.data.data.map((p) => (
            <Col xs={24} md={12} key={p.id}>
              <Card
                size="small"
                title={
                  <Link to="/programmes/$id" params={{ id: p.id }}>
                    {name(p.nameZh, p.nameEn)}
                  </Link>
                }
                extra={p.isDemo ? <Tag>{t('project.demo')}</Tag> : null}
              >
                <p className="muted">
                  {p.code} · {p.periodFrom || p.periodTo ? `${d(p.periodFrom) || '…'} – ${d(p.periodTo) || '…'}` : ''}
                </p>
                {p.description ? <p>{p.description}</p> : null}
                <Link to="/programmes/$id" params={{ id: p.id }} search={(s) => ({ ...s, view: 'evidence' as const })}>
                  {t('programme.evidence')}
                </Link>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
