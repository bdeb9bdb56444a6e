/**
 * The dashboard's activity figures: pairs by health, activities per year by type and by field,
 * delegations in and out, and outcome totals by field and SDG — each chart with its as-of day, and a
 * click opens the records behind it (the health list, the activities, the projects).
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Suggestion } from '../../../shared/health';
import { EChart } from '../../components/echart';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import type { GlobalSearch } from '../../state/search';
import { useActivityFigures } from '../health/health-api';
import {
  activitiesByFieldOption,
  activitiesByTypeOption,
  delegationsOption,
  fieldName,
  healthOption,
  outcomeBars,
  outcomesOption,
} from '../health/health-options';
import { sdgName, useValueText } from '../projects/labels';

function ChartCard({
  title,
  asOf,
  children,
  note,
}: {
  title: string;
  asOf: string;
  children: ReactNode;
  note?: ReactNode;
}) {
  return (
    <Card size="small" title={<h2 className="chart-title">{title}</h2>} extra={<span className="as-of">{asOf}</span>}>
      {children}
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

export function ActivityCharts({ scope, asOf }: { scope: string; asOf: string }) {
  const { t, n, d, lang } = useI18n();
  const navigate = useNavigate();
  const valueText = useValueText();
  const figures = useActivityFigures({ scope, asOf });
  const f = figures.data;
  const asOfLabel = f ? t('asOf.badge', { date: d(f.asOf) }) : '';

  const options = useMemo(() => {
    if (!f) return null;
    const byField = outcomeBars(f.outcomes.byField, (k) => fieldName(k, lang), valueText);
    const bySdg = outcomeBars(f.outcomes.bySdg, (k) => sdgName(Number(k), lang), valueText);
    return {
      health: healthOption(f.health, t),
      byType: activitiesByTypeOption(f, t),
      byField: activitiesByFieldOption(f, lang),
      delegations: delegationsOption(f, t),
      outcomeFieldBars: byField,
      outcomeSdgBars: bySdg,
      outcomesByField: outcomesOption(byField, t),
      outcomesBySdg: outcomesOption(bySdg, t),
    };
  }, [f, t, lang, valueText]);

  if (figures.isPending) return <Loading rows={6} />;
  if (figures.isError && !f) return <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />;
  if (!f || !options) return null;

  const years = t('health.chart.fromYear', { from: f.years[0] ?? '', to: f.years[f.years.length - 1] ?? '' });
  const toActivities = (search: Record<string, string | string[] | undefined>) =>
    void navigate({
      to: '/activities' as never,
      search: ((prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, ...search })) as never,
    });
  const yearRange = (year: number) => ({
    from: `${year}-01-01`,
    to: year === Number(f.asOf.slice(0, 4)) ? f.asOf : `${year}-12-31`,
  });
  const toHealth = (suggestion: Suggestion) =>
    void navigate({
      to: '/health',
      search: (prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, suggestion, status: 'any' as const }),
    });
  const toProjects = (search: Record<string, unknown>) =>
    void navigate({
      to: '/projects',
      search: ((prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, ...search })) as never,
    });

  return (
    <section className="chart-grid" aria-label={t('health.chart.title')} style={{ marginTop: 16 }}>
      <ChartCard
        title={t('health.chart.title')}
        asOf={asOfLabel}
        note={
          <Link
            to="/health"
            search={(prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, suggestion: 'dormant' as const })}
          >
            {t('health.chart.onPaper', { n: n(f.health.dormantOnPaper) })}
          </Link>
        }
      >
        {f.health.measured === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.health}
            label={(['active', 'at_risk', 'dormant'] as const)
              .map((s) => `${t(`health.suggestion.${s}`)} ${f.health[s]}`)
              .join(', ')}
            onClick={(e) => {
              const suggestion = (e.data as { suggestion?: Suggestion } | undefined)?.suggestion;
              if (suggestion) toHealth(suggestion);
            }}
          />
        )}
      </ChartCard>

      <ChartCard title={`${t('health.chart.byType')} · ${years}`} asOf={asOfLabel}>
        {f.activities.total === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.byType}
            label={f.activities.byYearType
              .map((r) => `${r.year} ${t(`activity.${r.type}` as never)} ${r.count}`)
              .join(', ')}
            onClick={(e) => {
              const data = e.data as { year?: number; type?: string } | undefined;
              if (data?.year && data.type) toActivities({ type: [data.type] as never, ...yearRange(data.year) });
            }}
          />
        )}
      </ChartCard>

      <ChartCard title={`${t('health.chart.byField')} · ${years}`} asOf={asOfLabel}>
        {f.activities.byYearField.length === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.byField}
            label={f.activities.byYearField.map((r) => `${r.year} ${fieldName(r.field, lang)} ${r.count}`).join(', ')}
            onClick={(e) => {
              const data = e.data as { year?: number; field?: string } | undefined;
              if (data?.year && data.field) toActivities({ field: [data.field] as never, ...yearRange(data.year) });
            }}
          />
        )}
      </ChartCard>

      <ChartCard
        title={`${t('health.chart.delegations')} · ${years}`}
        asOf={asOfLabel}
        note={t('health.chart.delegationTotals', {
          in: n(f.delegations.in.count),
          inPeople: n(f.delegations.in.participants),
          out: n(f.delegations.out.count),
          outPeople: n(f.delegations.out.participants),
        })}
      >
        {f.delegations.in.count + f.delegations.out.count === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.delegations}
            label={f.delegations.byYear
              .map((r) => `${r.year} ${r.direction} ${r.count} (${r.participants})`)
              .join(', ')}
            onClick={(e) => {
              const data = e.data as { year?: number; direction?: 'in' | 'out' } | undefined;
              if (data?.year && data.direction)
                toActivities({ type: [`delegation_${data.direction}`] as never, ...yearRange(data.year) });
            }}
          />
        )}
      </ChartCard>

      <ChartCard title={t('health.chart.outcomesByField')} asOf={asOfLabel}>
        {options.outcomeFieldBars.length === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.outcomesByField}
            label={options.outcomeFieldBars.map((b) => `${b.label}: ${b.totals}`).join(', ')}
            onClick={(e) => {
              const key = (e.data as { key?: string } | undefined)?.key;
              if (key) toProjects({ field: [key] });
            }}
          />
        )}
      </ChartCard>

      <ChartCard title={t('health.chart.outcomesBySdg')} asOf={asOfLabel}>
        {options.outcomeSdgBars.length === 0 ? (
          <EmptyState />
        ) : (
          <EChart
            option={options.outcomesBySdg}
            className={options.outcomeSdgBars.length > 8 ? 'chart-box chart-box-tall' : 'chart-box'}
            label={options.outcomeSdgBars.map((b) => `${b.label}: ${b.totals}`).join(', ')}
            onClick={(e) => {
              const key = (e.data as { key?: string } | undefined)?.key;
              if (key) toProjects({ sdg: Number(key) });
            }}
          />
        )}
      </ChartCard>
    </section>
  );
}
