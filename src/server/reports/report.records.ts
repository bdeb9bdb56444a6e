/**
 * The records behind the report's figures: the pairs each figure counts, by the figure's own rule
 * (see figure.service.ts), written as record-number ranges for the provenance appendix, and
 * `checkRecords`, which proves the figures and their records agree.
 */
import { CONTINENTS, LEVELS, type Level } from '../../shared/enums.js';
import type { ReportData } from './report.model.js';
import type { ReportPairRow } from './report.repo.js';

/** "#3–7, #9, #12" */
export function idRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(j > i ? `#${sorted[i]}–${sorted[j]}` : `#${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export type ReportRecords = ReturnType<typeof recordsOf>;

/** The pairs behind each figure, by the figure's own rule (see figure.service.ts). */
export function recordsOf(data: Pick<ReportData, 'figures' | 'pairs' | 'group'>) {
  const { figures, pairs, group } = data;
  const from = figures.since?.from;
  const inGroup = group ? pairs.filter((p) => group.members.has(p.countryIso2)) : [];
  return {
    total: pairs,
    byLevel: Object.fromEntries(LEVELS.map((l) => [l, pairs.filter((p) => p.level === l)])) as Record<
      Level,
      ReportPairRow[]
    >,
    byContinent: Object.fromEntries(CONTINENTS.map((c) => [c, pairs.filter((p) => p.continent === c)])),
    since: from ? pairs.filter((p) => p.establishedOn && p.establishedOn >= from) : [],
    group: inGroup,
  };
}

const distinct = (values: readonly unknown[]) => new Set(values).size;

/** Mismatches between the figures and the records behind them; empty when the report is consistent. */
export function checkRecords(data: Pick<ReportData, 'figures' | 'pairs' | 'group'>): string[] {
  const { figures } = data;
  const r = recordsOf(data);
  const out: string[] = [];
  const expect = (name: string, figure: number, records: number) => {
    if (figure !== records) out.push(`${name}: figure ${figure}, records ${records}`);
  };
  expect('total', figures.total, r.total.length);
  for (const l of LEVELS) expect(`byLevel.${l}`, figures.byLevel[l], r.byLevel[l].length);
  expect('countries', figures.countries, distinct(r.total.map((p) => p.countryIso2)));
  expect('foreignPlaces', figures.foreignPlaces, distinct(r.total.map((p) => p.foreignPlaceId)));
  for (const c of CONTINENTS) expect(`byContinent.${c}`, figures.byContinent[c], r.byContinent[c]?.length ?? 0);
  if (figures.since) expect('since', figures.since.count, r.since.length);
  const g = data.group ? figures.groups[data.group.code] : undefined;
  if (g) {
    expect(`groups.${data.group?.code}.countries`, g.countries, distinct(r.group.map((p) => p.countryIso2)));
    expect(`groups.${data.group?.code}.places`, g.places, distinct(r.group.map((p) => p.foreignPlaceId)));
  }
  return out;
}
