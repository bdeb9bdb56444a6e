/** The health of one partnership on the as-of day: overall score, suggestion, and each dimension with its reason. */
import { Link } from '@tanstack/react-router';
import { Alert, Card, Progress, Space, Tag, Typography } from 'antd';
import { DIMENSIONS, type Suggestion } from '../../../shared/health';
import { ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import type { GlobalSearch } from '../../state/search';
import { usePartnershipHealth } from './health-api';
import { SUGGESTION_COLORS } from './health-options';

const SUGGESTION_TAGS = { active: 'green', at_risk: 'orange', dormant: 'red' } as const;

export function SuggestionTag({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useI18n();
  // Preset tags (dark text on a light ground) rather than white on the chart colour: 4.5:1.
  return <Tag color={SUGGESTION_TAGS[suggestion]}>{t(`health.suggestion.${suggestion}`)}</Tag>;
}

export function HealthPanel({ partnershipId }: { partnershipId: number }) {
  const { t, d, lang } = useI18n();
  const { asOf } = useScope();
  const health = usePartnershipHealth(partnershipId, asOf);
  return (
    <Card
      title={t('health.panelTitle')}
      size="small"
      extra={health.data ? <span className="as-of">{t('asOf.badge', { date: d(health.data.asOf) })}</span> : null}
    >
      {health.isPending ? (
        <Loading rows={4} />
      ) : health.isError ? (
        <ErrorState error={health.error} onRetry={() => void health.refetch()} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap size="large" align="center">
            <Progress
              type="circle"
              size={72}
              percent={health.data.overall}
              format={(n) => n}
              strokeColor={SUGGESTION_COLORS[health.data.suggestion]}
              aria-label={`${t('health.overall')} ${health.data.overall}`}
            />
            <div>
              <div>
                {t('health.suggestionLabel')}: <SuggestionTag suggestion={health.data.suggestion} />
              </div>
              <Typography.Text type="secondary">{health.data.reason[lang]}</Typography.Text>
            </div>
          </Space>
          {health.data.dormantOnPaper ? (
            <Alert
              type="warning"
              showIcon
              message={t('health.dormantOnPaper')}
              description={
                <>
                  {t('health.dormantOnPaperHint')}{' '}
                  <Link
                    to="/health"
                    search={(prev: GlobalSearch) => ({
                      scope: prev.scope,
                      asOf: prev.asOf,
                      suggestion: 'dormant' as const,
                    })}
                  >
                    {t('health.openList')}
                  </Link>
                </>
              }
            />
          ) : null}
          <table className="health-dimensions">
            <tbody>
              {DIMENSIONS.map((dim) => {
                const score = health.data.dimensions[dim];
                return (
                  <tr key={dim}>
                    <th scope="row" style={{ textAlign: 'left', whiteSpace: 'nowrap', paddingRight: 12 }}>
                      {t(`health.dimension.${dim}`)}
                    </th>
                    <td style={{ width: 160, paddingRight: 12 }}>
                      <Progress
                        percent={score.score}
                        size="small"
                        format={(n) => n}
                        aria-label={`${t(`health.dimension.${dim}`)} ${score.score}`}
                      />
                    </td>
                    <td>{score.explanation[lang]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Typography.Text type="secondary">{t('health.method')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
