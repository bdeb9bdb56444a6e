/**
 * The map of candidates: the division and its top candidates, numbered as in the list, on the base
 * map of features/map (bundled, no tiles). A click on a point picks that candidate in the list.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import type { FeatureCollection } from 'geojson';
import { useCallback, useMemo } from 'react';
import { shiftLongitude } from '../../../shared/map/geo';
import type { Candidate, Suggestions } from '../../../shared/schemas/match';
import { EChart } from '../../components/echart';
import type { echarts as Echarts } from '../../components/echarts-setup';
import { ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { baseMapQuery } from '../map/base-map';
import { BASE_MAP } from '../map/map-options';
import { CANDIDATE_COLOR, candidatePoints, candidatesMapOption, HOME_COLOR } from './match-model';

const loadMapECharts = () => import('../map/map-setup');

export const MAP_TOP = 20;

export function CandidatesMap({ suggestions, onPick }: { suggestions: Suggestions; onPick(key: string): void }) {
  const { t, n, name } = useI18n();
  const base = useQuery(baseMapQuery);
  const label = useCallback(
    (c: Candidate) => `${name(c.nameZh, c.name)} · ${name(c.countryNameZh, c.countryNameEn)} · ${c.score}`,
    [name],
  );
  const { points, missing } = useMemo(
    () => candidatePoints(suggestions.items, label, MAP_TOP),
    [suggestions.items, label],
  );
  const { cn } = suggestions;
  const option = useMemo(
    () =>
      candidatesMapOption(
        cn.lat === null || cn.lng === null
          ? null
          : { coord: [shiftLongitude(cn.lng), cn.lat], label: name(cn.nameZh, cn.nameEn) },
        points,
      ),
    [cn, points, name],
  );
  const geojson = base.data?.geojson;
  const setup = useCallback(
    (echarts: typeof Echarts) => {
      if (geojson)
        echarts.registerMap(BASE_MAP, geojson as FeatureCollection as Parameters<typeof echarts.registerMap>[1]);
    },
    [geojson],
  );
  if (base.isError) return <ErrorState error={base.error} onRetry={() => void base.refetch()} />;
  if (base.isPending) return <Loading rows={6} />;
  return (
    <>
      <div className="map-legend">
        <span className="map-legend-item">
          <span className="map-legend-swatch" style={{ background: HOME_COLOR }} />
          {name(cn.nameZh, cn.nameEn)}
        </span>
        <span className="map-legend-item">
          <span className="map-legend-swatch" style={{ background: CANDIDATE_COLOR }} />
          {t('match.map.candidates', { n: n(points.length) })}
        </span>
      </div>
      <EChart
        option={option}
        setup={setup}
        load={loadMapECharts}
        className="match-map"
        label={`${t('match.map.title')}: ${t('match.map.candidates', { n: points.length })}`}
        onClick={(event) => {
          const key = (event.data as { key?: string } | undefined)?.key;
          if (key) onPick(key);
        }}
      />
      {missing > 0 ? (
        <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('match.map.noCoords', { n: n(missing) })} />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {base.data?.custom ? t('map.customBaseMap') : t('map.baseMapNote')}
      </Typography.Paragraph>
    </>
  );
}
