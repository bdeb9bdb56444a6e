import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import land from 'world-atlas/land-110m.json' with { type: 'json' };
import { CUT, cutRing, prepareBaseMap, shiftLongitude, unwrapRing, widestStep } from './geo.js';

const square = (x0: number, x1: number, y0: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('re-centring on the Pacific', () => {
  it('moves longitudes into [CUT, CUT + 360)', () => {
    expect(shiftLongitude(112.97)).toBe(112.97);
    expect(shiftLongitude(-122.4)).toBeCloseTo(237.6);
    expect(shiftLongitude(CUT)).toBe(CUT);
    expect(shiftLongitude(-10)).toBe(-10);
  });

  it('makes a ring continuous across the antimeridian', () => {
    expect(
      unwrapRing([
        [179, 0],
        [-179, 1],
        [179, 2],
      ]).map((p) => p[0]),
    ).toEqual([179, 181, 179]);
  });
});

describe('cutting rings', () => {
  it('leaves a ring that crosses nothing as it is', () => {
    expect(cutRing(square(100, 120, 20, 30))).toEqual([square(100, 120, 20, 30)]);
  });

  it('splits a ring across the cut meridian into two pieces at the edges of the map', () => {
    const pieces = cutRing(square(-40, -10, 60, 70));
    expect(pieces).toHaveLength(2);
    const spans = pieces.map((p) => [
      Math.min(...p.map((q) => q[0] as number)),
      Math.max(...p.map((q) => q[0] as number)),
    ]);
    expect(spans).toContainEqual([CUT, -10]);
    expect(spans).toContainEqual([320, CUT + 360]);
  });

  it('keeps an antimeridian island (Fiji) whole after the shift', () => {
    const fiji: Position[] = [
      [178, -17],
      [-179.5, -17],
      [-179.5, -16],
      [178, -16],
      [178, -17],
    ];
    const pieces = cutRing(fiji);
    expect(pieces).toHaveLength(1);
    expect(Math.max(...(pieces[0] ?? []).map((p) => p[0] as number))).toBeCloseTo(180.5);
  });

  it('closes a ring around a pole through the pole', () => {
    const ring: Position[] = [];
    for (let lng = -180; lng <= 180; lng += 30) ring.push([lng === 180 ? -180 : lng, -70]);
    const pieces = cutRing(ring);
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.flat().some((p) => p[1] === -90)).toBe(true);
  });
});

describe('the bundled base map', () => {
  const topology = land as unknown as Topology<{ land: GeometryCollection }>;
  const collection = feature(topology, topology.objects.land) as unknown as FeatureCollection;

  it('has stray lines before and none after', () => {
    const raw = { ...collection, features: collection.features.map((f) => ({ ...f })) };
    expect(widestStep(raw)).toBeGreaterThan(180);
    const prepared = prepareBaseMap(collection);
    expect(widestStep(prepared)).toBeLessThan(180);
    const xs = prepared.features.flatMap((f) =>
      (f.geometry as MultiPolygon).coordinates.flat(2).map((p) => p[0] as number),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(CUT);
    expect(Math.max(...xs)).toBeLessThanOrEqual(CUT + 360);
  });

  it('draws land only: no country, so no boundary at all', () => {
    expect(collection.features).toHaveLength(1);
    expect(prepareBaseMap(collection).features).toHaveLength(1);
  });
});
