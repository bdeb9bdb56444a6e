/**
 * 概览: the figures of the scope on the as-of date, as cards that each open the records behind
 * them, and charts. Every card and chart says the date it is for.
 */
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Card, InputNumber, Segmented, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { citeSource } from '../../../shared/citation';
import { KINDS, type Kind, LEVELS } from '../../../shared/enums';
import { LEVEL_COLORS } from '../../../shared/palette';
import { useAllPartnerships, useBenchmarks, useFigureRecords, useFigures } from '../../api/queries';
import type { Figures, RankRecord } from '../../api/types';
import { EChart } from '../../components/echart';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import type { DashboardSearch, GlobalSearch } from '../../state/search';
import { defaultSinceYear, localToday } from '../../state/search';
import { ActivityCharts } from './activity-charts';
import { byContinentOption, byLevelOption, perYearOption, rankingOption, topCountriesOption } from './chart-options';
import { latestBenchmark } from './gap';
import { perYear, topCountries } from './series';

const route = getRouteApi('/');

export function DashboardPage() {
  const { t, d, name } = useI18n();
  useTitle(t('dash.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/' });
  const { scope, asOf, isLoading: scopeLoading, error: scopeError } = useScope();
  const kind: Kind = search.kind ?? 'friendship';
  const effectiveAsOf = asOf ?? localToday();
  const sinceYear = search.since ?? defaultSinceYear(effectiveAsOf);
  const params = scope ? { scope, asOf: effectiveAsOf, since: String(sinceYear), kind } : undefined;
  const figures = useFigures(params);

  const set = (patch: Partial<DashboardSearch>) =>
    void navigate({ search: (prev: DashboardSearch) => ({ ...prev, ...patch }), replace: true });

  if (scopeError) return <ErrorState error={scopeError} />;

  return (
    <>
      <div className="page-header">
        <h1>
          {t('dash.title')}
          {figures.data ? ` · ${name(figures.data.scope.nameZh, figures.data.scope.nameEn)}` : ''}{' '}
          {figures.data ? <span className="as-of">{t('asOf.badge', { date: d(figures.data.asOf) })}</span> : null}
        </h1>
        <Space wrap>
          <Segmented
            aria-label={t('dash.kind')}
            value={kind}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            onChange={(value) => set({ kind: value === 'friendship' ? undefined : (value as Kind) })}
          />
          <label htmlFor="since-year" className="muted">
            {t('dash.sinceYear')}
          </label>
          <InputNumber
            id="since-year"
            min={1949}
            max={Number(effectiveAsOf.slice(0, 4))}
            value={sinceYear}
            onChange={(value) => {
              if (typeof value === 'number' && value >= 1949) set({ since: value });
            }}
            style={{ width: 96 }}
          />
        </Space>
      </div>
      {scopeLoading || figures.isPending ? (
        <Loading rows={8} />
      ) : figures.isError && !figures.data ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data ? (
        <Dashboard figures={figures.data} kind={kind} sinceYear={sinceYear} />
      ) : null}
    </>
  );
}

function Dashboard({ figures, kind, sinceYear }: { figures: Figures; kind: Kind; sinceYear: number }) {
  const { t, n, d, name, lang } = useI18n();
  const asOfLabel = t('asOf.badge', { date: d(figures.asOf) });
  const benchmarks = useBenchmarks(figures.scope.code, kind);
  const benchmark = benchmarks.data ? latestBenchmark(benchmarks.data, figures.asOf) : undefined;
  const recordSearch = { since: sinceYear, kind: kind === 'friendship' ? undefined : kind };
  const bri = figures.groups.bri;

  const figureLink = (figure: string, children: ReactNode, label?: string) => (
    <Link
      to="/figures/$figure"
      params={{ figure }}
      search={(prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, ...recordSearch })}
      className="figure-link"
      aria-label={label}
    >
      {children}
    </Link>
  );

  if (figures.total === 0) {
    return (
      <Card>
        <EmptyState title={t('dash.noData')} hint={asOfLabel} />
      </Card>
    );
  }

  return (
    <>
      <section className="figure-grid" aria-label={t('dash.title')}>
        <FigureCard title={t('dash.total')} asOf={asOfLabel}>
          {figureLink(
            'total',
            <div className="figure-value">{n(figures.total)}</div>,
            `${t('dash.total')} ${n(figures.total)}: ${t('dash.viewRecords')}`,
          )}
          <div className="figure-sub">
            {figureLink('foreignPlaces', t('dash.foreignPlaces', { n: n(figures.foreignPlaces) }))}
          </div>
        </FigureCard>

        <FigureCard title={t('dash.byLevel')} asOf={asOfLabel} wide>
          <div className="level-row">
            {LEVELS.map((level) => (
              <div key={level} className="level-cell">
                {figureLink(
                  `byLevel.${level}`,
                  <>
                    <div className="figure-value" style={{ color: LEVEL_COLORS[level] }}>
                      {n(figures.byLevel[level])}
                    </div>
                    <div className="figure-sub">{t(`level.${level}`)}</div>
                  </>,
                  `${t(`level.${level}`)} ${n(figures.byLevel[level])}: ${t('dash.viewRecords')}`,
                )}
              </div>
            ))}
          </div>
        </FigureCard>

        <FigureCard title={t('dash.countries')} asOf={asOfLabel}>
          {figureLink(
            'countries',
            <div className="figure-value">{n(figures.countries)}</div>,
            `${t('dash.countries')} ${n(figures.countries)}: ${t('dash.viewRecords')}`,
          )}
        </FigureCard>

        <FigureCard title={t('dash.since', { year: sinceYear })} asOf={asOfLabel}>
          {figures.since ? (
            <>
              {figureLink(
                'since',
                <div className="figure-value">{n(figures.since.count)}</div>,
                `${t('dash.since', { year: sinceYear })} ${n(figures.since.count)}: ${t('dash.viewRecords')}`,
              )}
              <div className="figure-sub">
                {figures.since.monthsPerNew === null
                  ? t('dash.paceNone')
                  : t('dash.pace', { n: n(figures.since.monthsPerNew, 1) })}
              </div>
            </>
          ) : (
            <span className="muted">{t('common.none')}</span>
          )}
        </FigureCard>

        {bri ? (
          <FigureCard title={t('dash.bri')} asOf={asOfLabel} wide>
            <div className="level-row">
              <div className="level-cell">
                {figureLink(
                  'groups.bri.countries',
                  <>
                    <div className="figure-value">{n(bri.countries)}</div>
                    <div className="figure-sub">{t('dash.briCountries')}</div>
                  </>,
                  `${t('dash.bri')} ${t('dash.briCountries')} ${n(bri.countries)}: ${t('dash.viewRecords')}`,
                )}
              </div>
              <div className="level-cell">
                {figureLink(
                  'groups.bri.places',
                  <>
                    <div className="figure-value">{n(bri.places)}</div>
                    <div className="figure-sub">{t('dash.briPlaces')}</div>
                  </>,
                  `${t('dash.bri')} ${t('dash.briPlaces')} ${n(bri.places)}: ${t('dash.viewRecords')}`,
                )}
              </div>
            </div>
          </FigureCard>
        ) : null}

        <FigureCard title={t('dash.rank')} asOf={asOfLabel}>
          {figures.rank ? (
            <>
              {figureLink(
                'rank',
                <div className="figure-value">{t('dash.rankValue', { position: n(figures.rank.position) })}</div>,
                `${t('dash.rank')} ${t('dash.rankValue', { position: figures.rank.position })}: ${t('dash.viewRecords')}`,
              )}
              <div className="figure-sub">{t('dash.rankOf', { of: n(figures.rank.of) })}</div>
              <div className="figure-sub">{t(`dash.rankBasis.${figures.rank.basis}`)}</div>
            </>
          ) : (
            <span className="muted">{t('dash.rankNone')}</span>
          )}
        </FigureCard>

        {benchmark ? (
          <FigureCard title={t('dash.gapTitle')} asOf={asOfLabel} wide>
            {figureLink(
              'total',
              <div className="figure-value figure-value-small">
                {t('dash.gap', { held: n(figures.total), published: n(benchmark.total) })}
              </div>,
            )}
            <div className="figure-sub">
              {t('dash.gapNote', { date: d(benchmark.asOf), source: '' })}
              {benchmark.sourceUrl ? (
                <a href={benchmark.sourceUrl} target="_blank" rel="noreferrer noopener">
                  {citeSource(benchmark.source, benchmark.sourceUrl, lang)}
                </a>
              ) : (
                <span>{citeSource(benchmark.source, null, lang)}</span>
              )}
            </div>
          </FigureCard>
        ) : null}
      </section>

      <Charts figures={figures} kind={kind} sinceYear={sinceYear} asOfLabel={asOfLabel} name={name} />
      <ActivityCharts scope={figures.scope.code} asOf={figures.asOf} />
    </>
  );
}

function FigureCard({
  title,
  asOf,
  children,
  wide = false,
}: {
  title: string;
  asOf: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Card className={wide ? 'figure-card figure-card-wide' : 'figure-card'} size="small">
      <h2 className="figure-title">{title}</h2>
      <div className="figure-body">{children}</div>
      <div className="as-of figure-as-of">{asOf}</div>
    </Card>
  );
}

function ChartCard({
  title,
  asOf,
  children,
  note,
}: {
  title: string;
  asOf: string;
  children: ReactNode;
  note?: string;
}) {
  return (
    <Card size="small" title={<h2 className="chart-title">{title}</h2>} extra={<span className="as-of">{asOf}</span>}>
      {children}
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

function Charts({
  figures,
  kind,
  sinceYear,
  asOfLabel,
  name,
}: {
  figures: Figures;
  kind: Kind;
  sinceYear: number;
  asOfLabel: string;
  name: (zh: string | null | undefined, en: string | null | undefined) => string;
}) {
  const { t, n } = useI18n();
  const navigate = useNavigate();
  const scope = figures.scope.code;
  const all = useAllPartnerships({ cn: scope === '000000' ? undefined : scope, kind });
  const ranking = useFigureRecords(
    figures.rank ? { scope, asOf: figures.asOf, kind, figure: 'rank', page: 1, perPage: 100 } : null,
  );
  const years = useMemo(() => (all.data ? perYear(all.data, figures.asOf) : null), [all.data, figures.asOf]);
  const countries = useMemo(
    () => (all.data ? topCountries(all.data, figures.asOf, 10) : null),
    [all.data, figures.asOf],
  );

  const levelOption = useMemo(() => byLevelOption(figures, t), [figures, t]);
  const continentOption = useMemo(() => byContinentOption(figures, t), [figures, t]);
  const yearOption = useMemo(() => (years ? perYearOption(years, t) : null), [years, t]);
  const countryOption = useMemo(
    () => (countries ? topCountriesOption(countries, name, t) : null),
    [countries, name, t],
  );
  const rankOption = useMemo(
    () => (ranking.data ? rankingOption(ranking.data.data as RankRecord[], name, t) : null),
    [ranking.data, name, t],
  );

  const recordSearch = { since: sinceYear, kind: kind === 'friendship' ? undefined : kind };
  const toRecords = (figure: string) =>
    void navigate({
      to: '/figures/$figure',
      params: { figure },
      search: (prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf, ...recordSearch }),
    });

  return (
    <section className="chart-grid" aria-label={t('dash.chart.byLevel')}>
      <ChartCard title={t('dash.chart.byLevel')} asOf={asOfLabel}>
        <EChart
          option={levelOption}
          label={LEVELS.map((l) => `${t(`level.${l}`)} ${figures.byLevel[l]}`).join(', ')}
          onClick={(e) => {
            const level = LEVELS[e.dataIndex];
            if (level) toRecords(`byLevel.${level}`);
          }}
        />
      </ChartCard>
      <ChartCard
        title={t('dash.chart.perYear')}
        asOf={asOfLabel}
        note={years && years.undated > 0 ? t('dash.chart.undated', { n: n(years.undated) }) : undefined}
      >
        {all.isPending ? (
          <Loading rows={6} />
        ) : all.isError ? (
          <ErrorState error={all.error} onRetry={() => void all.refetch()} />
        ) : yearOption && years && years.years.length > 0 ? (
          <EChart option={yearOption} label={years.years.map((y, i) => `${y}: ${years.added[i]}`).join(', ')} />
        ) : (
          <EmptyState />
        )}
      </ChartCard>
      <ChartCard title={t('dash.chart.topCountries')} asOf={asOfLabel}>
        {all.isPending ? (
          <Loading rows={6} />
        ) : all.isError ? (
          <ErrorState error={all.error} onRetry={() => void all.refetch()} />
        ) : countryOption && countries && countries.length > 0 ? (
          <EChart
            option={countryOption}
            label={countries.map((c) => `${name(c.nameZh, c.nameEn)} ${c.count}`).join(', ')}
            onClick={(e) => {
              const country = countries[countries.length - 1 - e.dataIndex];
              if (country)
                void navigate({
                  to: '/partnerships',
                  search: (prev: GlobalSearch) => ({
                    scope: prev.scope,
                    asOf: prev.asOf,
                    country: [country.iso2],
                    kind: [kind],
                  }),
                });
            }}
          />
        ) : (
          <EmptyState />
        )}
      </ChartCard>
      <ChartCard title={t('dash.chart.byContinent')} asOf={asOfLabel}>
        <EChart
          option={continentOption}
          label={Object.entries(figures.byContinent)
            .map(([c, v]) => `${c} ${v}`)
            .join(', ')}
          onClick={(e) => {
            const continent = (e.data as { continent?: string } | undefined)?.continent;
            if (continent) toRecords(`byContinent.${continent}`);
          }}
        />
      </ChartCard>
      {figures.rank ? (
        <ChartCard title={t('dash.chart.ranking')} asOf={asOfLabel} note={t('dash.chart.rankingNote')}>
          {ranking.isPending ? (
            <Loading rows={6} />
          ) : ranking.isError ? (
            <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
          ) : rankOption ? (
            <EChart
              option={rankOption}
              className="chart-box chart-box-tall"
              label={(ranking.data.data as RankRecord[])
                .map((r) => `${r.position}. ${name(r.nameZh, r.nameEn)} ${r.total}`)
                .join(', ')}
              onClick={() => toRecords('rank')}
            />
          ) : null}
        </ChartCard>
      ) : null}
    </section>
  );
}
