/**
 * The base map every map of the app draws on: the deployment's own approved GeoJSON when it serves
 * one at /basemap.geojson, else the bundled world-atlas land outline (no boundaries), both cut and
 * re-centred by prepareBaseMap(). Loaded once, with the page that draws a map.
 */
import type { FeatureCollection } from 'geojson';
import { prepareBaseMap } from '../../../shared/map/geo';
import type { ConfigView } from '../../../shared/schemas/config-view';
import { api } from '../../api/client';

/** The deployment's own base map when it provides one, else the bundled land outline. */
export async function loadBaseMap(): Promise<{ geojson: FeatureCollection; custom: boolean }> {
  // Asked for only when the deployment has one: no 404 on every visit to the map.
  const config = await api.get<ConfigView>('/config').catch(() => ({ baseMap: false }));
  if (config.baseMap) {
    try {
      const response = await fetch('/basemap.geojson', {
        headers: { Accept: 'application/geo+json, application/json' },
      });
      if (response.ok && /json/.test(response.headers.get('content-type') ?? '')) {
        const geojson = (await response.json()) as FeatureCollection;
        if (geojson?.type === 'FeatureCollection') return { geojson: prepareBaseMap(geojson), custom: true };
      }
    } catch {
      // No deployment base map: fall through to the bundled one.
    }
  }
  const [{ feature }, land] = await Promise.all([import('topojson-client'), import('world-atlas/land-110m.json')]);
  const topology = (land as { default?: unknown }).default ?? land;
  const collection = feature(
    topology as Parameters<typeof feature>[0],
    (topology as { objects: { land: Parameters<typeof feature>[1] } }).objects.land,
  ) as unknown as FeatureCollection;
  return { geojson: prepareBaseMap(collection), custom: false };
}

/** One query for the base map, shared by every page that draws one (loaded once a visit). */
export const baseMapQuery = {
  queryKey: ['basemap'],
  queryFn: loadBaseMap,
  staleTime: Number.POSITIVE_INFINITY,
} as const;
