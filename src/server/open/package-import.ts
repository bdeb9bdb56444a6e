/**
 * Reads an open-data package back into an empty registry through the registry's own services
 * (partnerships with their places, then the places' identifiers and coordinates, then benchmarks),
 * and the office's own country groups, all in one transaction: every row or none. The package is
 * checked first against the Frictionless profiles and its Table Schemas; a database that already
 * holds pairs is refused.
 */
import { unzipSync } from 'fflate';
import { AppError, type FieldIssue, validationFailed } from '../../shared/errors.js';
import type { BenchmarkCreateInput } from '../../shared/schemas/benchmark.js';
import { type PartnershipCreateInput, PartnershipListQuerySchema } from '../../shared/schemas/partnership.js';
import type { ForeignPlaceUpdateInput } from '../../shared/schemas/place.js';
import { type Actor, assertCanAdmin } from '../auth/actor.js';
import { createBenchmark } from '../benchmarks/benchmark.service.js';
import type { Db } from '../db/client.js';
import { updateForeignPlace } from '../partnerships/partner-place.service.js';
import { createPartnership, listPartnerships } from '../partnerships/partnership.service.js';
import { type CountryGroupInput, putCountryGroup } from '../places/place.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { type PackageProblem, type ParsedTable, recordsOf, validatePackageFiles } from './package-validate.js';

export type PackageImportSummary = {
  partnerships: number;
  places: number;
  benchmarks: number;
  /** The office's own country groups, with their members. */
  groups: number;
};

/** The files of a package given as a zip archive (datapackage.json at its root, or in one folder). */
export function filesOfZip(bytes: Uint8Array): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw validationFailed([
      {
        path: 'package',
        rule: 'not_zip',
        message: `the file is not a readable zip archive (${(error as Error).message})`,
        fix: 'give the package.zip that amity export-open or GET /api/open/package.zip wrote, or its folder',
      },
    ]);
  }
  const root = Object.keys(entries).find((p) => p === 'datapackage.json' || p.endsWith('/datapackage.json'));
  const prefix = root ? root.slice(0, -'datapackage.json'.length) : '';
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    if (path.startsWith(prefix) && !path.endsWith('/')) files.set(path.slice(prefix.length), data);
  }
  return files;
}

function issueOf(problem: PackageProblem): FieldIssue {
  const where = [problem.file, problem.row === undefined ? undefined : `row ${problem.row}`, problem.field]
    .filter(Boolean)
    .join(' ');
  return {
    path: where,
    rule: 'package',
    message: problem.message,
    fix: 'import a package written by amity export-open, unchanged',
  };
}

const text = (v: string | undefined) => (v === undefined || v === '' ? null : v);
const int = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

function rowsOf(tables: Map<string, ParsedTable>, name: string) {
  return recordsOf(tables.get(name));
}

export async function importOpenPackage({
  db,
  actor,
  files,
}: {
  db: Db;
  actor: Actor;
  files: ReadonlyMap<string, Uint8Array>;
}): Promise<PackageImportSummary> {
  assertCanAdmin(actor, '000000');
  const { problems, tables } = validatePackageFiles(files);
  if (problems.length) throw validationFailed(problems.slice(0, 200).map(issueOf));
  const cache = getReferenceCache();
  const unknown = rowsOf(tables, 'divisions').filter((d) => !cache.divisions.has(d.code ?? ''));
  if (unknown.length) {
    throw validationFailed(
      unknown.map((d) => ({
        path: 'data/divisions.csv code',
        rule: 'unknown_division',
        value: d.code,
        message: `${d.code} is not a division of this Amity's reference data`,
        fix: 'import with an Amity whose reference data holds it (a newer version)',
      })),
    );
  }
  const held = await listPartnerships({ db, actor, query: PartnershipListQuerySchema.parse({ perPage: 1 }) });
  if (held.total > 0) {
    throw new AppError('conflict', `the database already holds ${held.total} partnerships`, {
      fix: 'import an open-data package into an empty database (a new --db directory)',
    });
  }
  const places = new Map(rowsOf(tables, 'places').map((r) => [r.id ?? '', r]));
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const placeIds = new Map<string, number>();
    for (const r of rowsOf(tables, 'partnerships')) {
      const place = places.get(r.place_id ?? '') as Record<string, string>;
      const known = placeIds.get(r.place_id ?? '');
      const input: PartnershipCreateInput = {
        cnCode: r.cn_code as string,
        kind: r.kind as PartnershipCreateInput['kind'],
        status: r.status as PartnershipCreateInput['status'],
        stage: 'established',
        establishedOn: text(r.established_on),
        endedOn: text(r.ended_on),
        endedReason: text(r.ended_reason),
        sourceUrl: text(r.source_url),
        notes: text(r.notes),
        isPublic: true,
        ...(known
          ? { partnerPlaceId: known }
          : {
              partner: {
                countryIso2: place.country_iso2 as string,
                nameZh: text(place.name_zh),
                nameEn: text(place.name_en),
                nameLocal: text(place.name_local),
                adminLevel: text(place.admin_level) as 'state' | 'city' | 'county' | null,
              },
            }),
      };
      const created = await createPartnership({ db: txDb, actor, input });
      if (!known) {
        placeIds.set(r.place_id ?? '', created.partner.id);
        // The gazetteer may have filled the new place differently: the package's values stand.
        const want: ForeignPlaceUpdateInput = {
          lat: place.lat === '' ? null : Number(place.lat),
          lng: place.lng === '' ? null : Number(place.lng),
          population: int(place.population),
          geonamesId: int(place.geonames_id),
          wikidataId: text(place.wikidata_id),
        };
        const got = created.partner;
        const differs = (Object.keys(want) as (keyof typeof want)[]).some(
          (key) => want[key] !== got[key as keyof typeof got],
        );
        if (differs) await updateForeignPlace({ db: txDb, actor, id: got.id, input: want });
      }
    }
    let benchmarks = 0;
    for (const r of rowsOf(tables, 'benchmarks')) {
      const input: BenchmarkCreateInput = {
        scopeCode: r.scope_code as string,
        kind: r.kind as BenchmarkCreateInput['kind'],
        total: Number(r.total),
        provincial: int(r.provincial),
        city: int(r.city),
        county: int(r.county),
        countries: int(r.countries),
        asOf: r.as_of as string,
        source: r.source as string,
        sourceUrl: text(r.source_url),
      };
      await createBenchmark({ db: txDb, actor, input });
      benchmarks += 1;
    }
    const members = rowsOf(tables, 'country_group_members');
    const groups = rowsOf(tables, 'country_groups');
    for (const g of groups) {
      const group: CountryGroupInput = {
        code: g.code as string,
        nameZh: g.name_zh as string,
        nameEn: g.name_en as string,
        description: text(g.description),
        source: text(g.source),
        members: members
          .filter((m) => m.group_code === g.code)
          .map((m) => ({ iso2: m.country_iso2 as string, joinedOn: text(m.joined_on), source: text(m.source) })),
      };
      await putCountryGroup({ db: tx, actor, group });
    }
    return {
      partnerships: rowsOf(tables, 'partnerships').length,
      places: placeIds.size,
      benchmarks,
      groups: groups.length,
    };
  });
}
