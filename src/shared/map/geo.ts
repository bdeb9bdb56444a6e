/**
 * The base map's geometry, made fit for a flat (equirectangular) map centred on the Pacific, as
 * world maps printed in China are:
 * - every longitude is moved into [CUT, CUT + 360), so the map is cut in the Atlantic and the
 *   Americas sit east of China;
 * - rings that cross the cut meridian (or the antimeridian, as Fiji, Chukotka and Antarctica do in
 *   world-atlas) are split there instead of being drawn as stray lines across the whole map;
 * - a ring around a pole (Antarctica) is closed along the pole before it is split.
 * Works on any GeoJSON, so a base map provided by the deployment gets the same treatment.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** The meridian the map is cut at: between Iceland (24.5°W) and Greenland's bulk. */
export const CUT = -25;

/** A longitude moved into [CUT, CUT + 360). */
export function shiftLongitude(lng: number): number {
  let x = lng;
  while (x < CUT) x += 360;
  while (x >= CUT + 360) x -= 360;
  return x;
}

/** Longitudes made continuous: no step of more than 180° between neighbours. */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let previous: number | undefined;
  for (const point of ring) {
    let lng = point[0] as number;
    const lat = point[1] as number;
    if (previous !== undefined) {
      while (lng - previous > 180) lng -= 360;
      while (lng - previous < -180) lng += 360;
    }
    out.push([lng, lat]);
    previous = lng;
  }
  return out;
}

type Edge = { keep(p: Position): boolean; cross(a: Position, b: Position): Position };

function crossAt(x: number): (a: Position, b: Position) => Position {
  return (a, b) => {
    const [ax, ay] = a as [number, number];
    const [bx, by] = b as [number, number];
    const t = (x - ax) / (bx - ax);
    return [x, ay + t * (by - ay)];
  };
}

/** Sutherland–Hodgman against one half-plane; the clip region (a band) is convex, so this is exact. */
function clip(ring: readonly Position[], edge: Edge): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i] as Position;
    const previous = ring[(i + ring.length - 1) % ring.length] as Position;
    const inCurrent = edge.keep(current);
    const inPrevious = edge.keep(previous);
    if (inCurrent) {
      if (!inPrevious) out.push(edge.cross(previous, current));
      out.push(current);
    } else if (inPrevious) {
      out.push(edge.cross(previous, current));
    }
  }
  return out;
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    ring.push([first[0] as number, first[1] as number]);
  return ring;
}

/**
 * One ring as pieces that each lie within [CUT, CUT + 360), shifted there. A ring that goes round
 * a pole is closed through it first.
 */
export function cutRing(ring: readonly Position[]): Position[][] {
  if (ring.length < 4) return [];
  let unwrapped = unwrapRing(ring);
  const first = unwrapped[0] as Position;
  const last = unwrapped[unwrapped.length - 1] as Position;
  const net = (last[0] as number) - (first[0] as number);
  if (Math.abs(net) >= 180) {
    const meanLat = unwrapped.reduce((sum, p) => sum + (p[1] as number), 0) / unwrapped.length;
    const pole = meanLat < 0 ? -90 : 90;
    unwrapped = [...unwrapped, [last[0] as number, pole], [first[0] as number, pole]];
  }
  // Drop the closing point while clipping; it is put back on each piece.
  const open = unwrapped.slice(0, -1).length >= 3 ? unwrapped.slice(0, -1) : unwrapped;
  const lngs = open.map((p) => p[0] as number);
  const min = Math.min(...lngs);
  const max = Math.max(...lngs);
  const pieces: Position[][] = [];
  for (let k = Math.floor((min - CUT) / 360); k <= Math.floor((max - CUT) / 360); k++) {
    const left = CUT + 360 * k;
    const right = left + 360;
    let piece = clip(open, { keep: (p) => (p[0] as number) >= left, cross: crossAt(left) });
    piece = clip(piece, { keep: (p) => (p[0] as number) <= right, cross: crossAt(right) });
    if (piece.length < 3) continue;
    const shifted = piece.map(([x, y]) => [(x as number) - 360 * k, y as number]);
    pieces.push(closeRing(shifted));
  }
  return pieces;
}

function cutPolygon(rings: readonly Position[][]): Position[][][] {
  const [outer, ...holes] = rings;
  if (!outer) return [];
  const polygons = cutRing(outer).map((piece) => [piece]);
  for (const hole of holes) {
    for (const piece of cutRing(hole)) {
      // A hole belongs to the piece of the outer ring on the same side of the cut.
      const x = piece[0]?.[0] as number;
      const owner = polygons.find((p) => {
        const xs = (p[0] as Position[]).map((q) => q[0] as number);
        return x >= Math.min(...xs) && x <= Math.max(...xs);
      });
      owner?.push(piece);
    }
  }
  return polygons;
}

function cutGeometry(geometry: Geometry | null, dropBelowLat: number | null): MultiPolygon | null {
  if (!geometry) return null;
  const polygons: Position[][][] =
    geometry.type === 'Polygon'
      ? [(geometry as Polygon).coordinates]
      : geometry.type === 'MultiPolygon'
        ? (geometry as MultiPolygon).coordinates
        : geometry.type === 'GeometryCollection'
          ? geometry.geometries.flatMap((g) => cutGeometry(g, dropBelowLat)?.coordinates ?? [])
          : [];
  const kept =
    dropBelowLat === null
      ? polygons
      : polygons.filter((rings) => (rings[0] ?? []).some((p) => (p[1] as number) > dropBelowLat));
  const out = kept.flatMap((rings) => (geometry.type === 'GeometryCollection' ? [rings] : cutPolygon(rings)));
  return out.length > 0 ? { type: 'MultiPolygon', coordinates: out } : null;
}

/**
 * A base map ready to draw: polygons cut and shifted; lines and points are dropped (the base map
 * is for land only). With `dropBelowLat`, polygons wholly south of it (Antarctica) are left out.
 */
export function prepareBaseMap(collection: FeatureCollection, { dropBelowLat = -60 } = {}): FeatureCollection {
  const features: Feature[] = [];
  collection.features.forEach((feature, index) => {
    const geometry = cutGeometry(feature.geometry, dropBelowLat);
    if (geometry) {
      features.push({
        type: 'Feature',
        id: feature.id ?? index,
        properties: { name: String(feature.properties?.name ?? feature.id ?? `land-${index}`) },
        geometry,
      });
    }
  });
  return { type: 'FeatureCollection', features };
}

/** The widest step in longitude inside any ring: under 180° means no stray line can be drawn. */
export function widestStep(collection: FeatureCollection): number {
  let widest = 0;
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry?.type !== 'MultiPolygon') continue;
    for (const polygon of geometry.coordinates)
      for (const ring of polygon)
        for (let i = 1; i < ring.length; i++)
          widest = Math.max(widest, Math.abs((ring[i]?.[0] as number) - (ring[i - 1]?.[0] as number)));
  }
  return widest;
}
