/**
 * 地图: a line from each Chinese partner to its foreign partner, coloured by level, with the list's
 * filters. The base map is bundled (land only, so it draws no boundary at all); a deployment may
 * replace it with an approved GeoJSON served at /basemap.geojson.
 */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Card, InputNumber, Select, Space, Typography } from 'antd';
import type { FeatureCollection } from 'geojson';
import { useCallback, useMemo } from 'react';
import { KINDS, LEVELS, STATUSES } from '../../../shared/enums';
import { LEVEL_COLORS } from '../../../shared/palette';
import { useAllPartnerships, useCountries, useGroups } from '../../api/queries';
import { EChart } from '../../components/echart';
import type { echarts as Echarts } from '../../components/echarts-setup';
import { countFilters, FilterPanel } from '../../components/filter-panel';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import type { GlobalSearch, MapSearch } from '../../state/search';
import { baseMapQuery } from './base-map';
import { BASE_MAP, mapLines, mapOption } from './map-options';

const route = getRouteApi('/map');

export function MapPage() {
  const { t, n, d, name } = useI18n();
  useTitle(t('map.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/map' });
  const { scope, isLoading: scopeLoading } = useScope();
  const countries = useCountries();
  const groups = useGroups();
  const base = useQuery(baseMapQuery);
  const coordinates = useQuery({
    queryKey: ['cn-coordinates'],
    queryFn: () =>
      import('../../../shared/map/cn-coordinates.json').then(
        (m) => m.default as unknown as Record<string, [number, number]>,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const filter = {
    cn: scope && scope !== '000000' ? scope : undefined,
    level: search.level,
    kind: search.kind,
    status: search.status,
    country: search.country,
    group: search.group,
    yearFrom: search.yearFrom,
    yearTo: search.yearTo,
  };
  const partnerships = useAllPartnerships(filter, Boolean(scope));

  const update = (patch: Partial<MapSearch>) =>
    void navigate({ search: (prev: MapSearch) => ({ ...prev, ...patch }), replace: true });

  const placed = useMemo(
    () =>
      partnerships.data && coordinates.data
        ? mapLines(partnerships.data, coordinates.data, name, (v) => d(v))
        : { lines: [], missing: 0 },
    [partnerships.data, coordinates.data, name, d],
  );
  const option = useMemo(() => mapOption(placed.lines, (level) => t(`level.${level}`)), [placed.lines, t]);
  const geojson = base.data?.geojson;
  const setup = useCallback(
    (echarts: typeof Echarts) => {
      if (geojson) registerMapParts(echarts, geojson);
    },
    [geojson],
  );

  const counts = LEVELS.map((level) => ({ level, count: placed.lines.filter((l) => l.level === level).length }));

  return (
    <>
      <div className="page-header">
        <h1>
          {t('map.title')}{' '}
          {partnerships.data ? <span className="as-of">{t('map.lines', { n: n(placed.lines.length) })}</span> : null}
        </h1>
      </div>
      <FilterPanel active={countFilters(search, ['level', 'kind', 'status', 'country', 'group'])}>
        <FilterSelect
          id="map-level"
          label={t('field.level')}
          value={search.level}
          options={LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
          onChange={(level) => update({ level })}
        />
        <FilterSelect
          id="map-kind"
          label={t('field.kind')}
          value={search.kind}
          options={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
          onChange={(kind) => update({ kind })}
        />
        <FilterSelect
          id="map-status"
          label={t('field.status')}
          value={search.status}
          options={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          onChange={(status) => update({ status })}
        />
        <FilterSelect
          id="map-country"
          label={t('field.country')}
          value={search.country}
          loading={countries.isPending}
          options={(countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }))}
          onChange={(country) => update({ country })}
          wide
        />
        <div className="filter-field">
          <label htmlFor="map-group">{t('field.group')}</label>
          <Select
            id="map-group"
            allowClear
            value={search.group}
            placeholder={t('common.all')}
            options={(groups.data ?? []).map((g) => ({ value: g.code, label: name(g.nameZh, g.nameEn) }))}
            onChange={(group?: string) => update({ group })}
            popupMatchSelectWidth={false}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="map-year-from">{t('list.yearRange')}</label>
          <Space.Compact>
            <InputNumber
              id="map-year-from"
              aria-label={t('field.yearFrom')}
              placeholder={t('list.anyYear')}
              min={1000}
              max={9999}
              value={search.yearFrom}
              onChange={(v) => update({ yearFrom: typeof v === 'number' && v >= 1000 ? v : undefined })}
              style={{ width: 90 }}
            />
            <InputNumber
              aria-label={t('field.yearTo')}
              placeholder={t('list.anyYear')}
              min={1000}
              max={9999}
              value={search.yearTo}
              onChange={(v) => update({ yearTo: typeof v === 'number' && v >= 1000 ? v : undefined })}
              style={{ width: 90 }}
            />
          </Space.Compact>
        </div>
      </FilterPanel>
      <Card size="small">
        <div className="map-legend">
          <span className="visually-hidden">{t('map.legend')}</span>
          {counts.map(({ level, count }) => (
            <span key={level} className="map-legend-item">
              <span className="map-legend-swatch" style={{ background: LEVEL_COLORS[level] }} />
              {t(`level.${level}`)} {n(count)}
            </span>
          ))}
          <Typography.Text type="secondary">{t('map.clickHint')}</Typography.Text>
          <Link
            to="/partnerships"
            search={(prev: GlobalSearch) => ({
              scope: prev.scope,
              asOf: prev.asOf,
              level: search.level,
              kind: search.kind,
              status: search.status,
              country: search.country,
              group: search.group,
              yearFrom: search.yearFrom,
              yearTo: search.yearTo,
            })}
          >
            {t('map.asList')}
          </Link>
        </div>
        {base.isError ? (
          <ErrorState error={base.error} onRetry={() => void base.refetch()} />
        ) : partnerships.isError ? (
          <ErrorState error={partnerships.error} onRetry={() => void partnerships.refetch()} />
        ) : scopeLoading || base.isPending || coordinates.isPending || partnerships.isPending ? (
          <Loading rows={10} />
        ) : placed.lines.length === 0 && placed.missing === 0 ? (
          <EmptyState title={t('list.empty')} hint={t('list.emptyHint')} />
        ) : (
          <EChart
            option={option}
            setup={setup}
            load={loadMapECharts}
            className="map-box"
            label={`${t('map.title')}: ${t('map.lines', { n: placed.lines.length })}`}
            onClick={(event) => {
              const id = (event.data as { id?: number } | undefined)?.id;
              if (id) void navigate({ to: '/partnerships/$id', params: { id } });
            }}
          />
        )}
        {placed.missing > 0 ? (
          <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('map.noCoords', { n: n(placed.missing) })} />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {base.data?.custom ? t('map.customBaseMap') : t('map.baseMapNote')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}

const loadMapECharts = () => import('./map-setup');

function registerMapParts(echarts: typeof Echarts, geojson: FeatureCollection) {
  echarts.registerMap(BASE_MAP, geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
}
