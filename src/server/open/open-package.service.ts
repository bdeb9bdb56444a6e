/**
 * The open-data package of what a deployment publishes: the tables of package.tables.ts filled
 * from the registry (published pairs only, with the places and divisions they need, every benchmark
 * and the office's own country groups), then written as a Frictionless Data Package (datapackage.json
 * and CSV), the same tables as one XLSX workbook, and a schema.org Dataset record (JSON-LD).
 *
 * What never leaves: contacts, activities, documents, accounts, API tokens, the audit trail, pairs
 * not published or not signed, the demo's illustrative records, and the notes and ended reason of
 * pairs whose notes are internal. Nothing here reads those tables.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type Zippable, zipSync } from 'fflate';
import { formatPartialDate, today } from '../../shared/dates.js';
import { NATIONAL_CODE, type Precision } from '../../shared/enums.js';
import { validationFailed } from '../../shared/errors.js';
import { type Actor, assertCanRead } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { partnerships } from '../db/schema.js';
import { subtreeWhere } from '../db/subtree.js';
import { listGroups } from '../places/place.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { resolveScope } from '../places/scope.js';
import { iteratePublishedPairs, selectAllBenchmarks } from './open.repo.js';
import {
  BENCHMARKS,
  type Cell,
  COUNTRY_GROUPS,
  DIVISIONS,
  GROUP_MEMBERS,
  PARTNERSHIPS,
  PLACES,
  TABLES,
  type TableSpec,
} from './package.tables.js';
import { checkTables, type PackageProblem, type ParsedTable, validateDescriptor } from './package-validate.js';

/** Licences a package may carry: Open Definition identifiers with their addresses. */
export const LICENSES = {
  'CC0-1.0': { title: 'Creative Commons CC0 1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'CC-BY-4.0': { title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA-4.0': {
    title: 'Creative Commons Attribution-ShareAlike 4.0',
    path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'ODbL-1.0': {
    title: 'Open Data Commons Open Database License 1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  'PDDL-1.0': {
    title: 'Open Data Commons Public Domain Dedication and License 1.0',
    path: 'https://opendatacommons.org/licenses/pddl/1-0/',
  },
} as const;
export type LicenseId = keyof typeof LICENSES;
export const LICENSE_IDS = Object.keys(LICENSES) as LicenseId[];

export type OpenPackageOptions = {
  /** 000000 (default) for everything published, or a division and everything under it. */
  scope?: string;
  license?: LicenseId;
  /** Who publishes the package (the office's name); default: the scope's name. */
  publisher?: string;
  /** The address the package will be served from, for the JSON-LD record's links. */
  baseUrl?: string;
  /** The date the package is made, YYYY-MM-DD (default today). */
  created?: string;
};

export type OpenPackage = {
  scope: { code: string; nameZh: string; nameEn: string };
  license: LicenseId;
  publisher: string;
  created: string;
  tables: Map<string, Cell[][]>;
  /** Source addresses of the published pairs, by host, with how many pairs cite each. */
  sources: { host: string; count: number }[];
  /** Pairs whose source is Wikipedia, whose text and lists are CC BY-SA 4.0. */
  wikipediaSourced: number;
};

const numberOrNull = (v: number | null) => (v === null || v === undefined ? null : v);

/** Reads what the package holds; nothing is written. */
export async function buildOpenPackage({
  db,
  actor,
  options = {},
}: {
  db: DbOrTx;
  actor: Actor;
  options?: OpenPackageOptions;
}): Promise<OpenPackage> {
  const scopeCode = options.scope ?? NATIONAL_CODE;
  assertCanRead(actor, scopeCode);
  const scope = resolveScope(scopeCode);
  const license = options.license ?? 'CC-BY-4.0';
  if (!(license in LICENSES)) {
    throw validationFailed([
      {
        path: 'license',
        rule: 'unknown_license',
        value: license,
        message: `${license} is not a licence Amity knows`,
        fix: `use one of ${LICENSE_IDS.join(', ')}`,
      },
    ]);
  }
  const cache = getReferenceCache();
  const pairRows: Cell[][] = [];
  const placeRows = new Map<number, Cell[]>();
  const divisionCodes = new Set<string>();
  const hosts = new Map<string, number>();
  let wikipediaSourced = 0;
  for await (const batch of iteratePublishedPairs(db, subtreeWhere(partnerships, scope.subtree))) {
    for (const { p, place } of batch) {
      const internal = p.notesInternal;
      pairRows.push([
        p.id,
        p.cnCode,
        place.id,
        p.level,
        p.kind,
        p.status,
        p.establishedOn ? formatPartialDate(p.establishedOn, p.establishedPrecision as Precision) : null,
        p.establishedPrecision,
        p.endedOn,
        internal ? null : p.endedReason,
        p.sourceUrl,
        internal ? null : p.notes,
      ]);
      divisionCodes.add(p.cnCode);
      if (!placeRows.has(place.id)) {
        placeRows.set(place.id, [
          place.id,
          place.countryIso2,
          place.nameZh,
          place.nameEn,
          place.nameLocal,
          place.adminLevel,
          numberOrNull(place.lat),
          numberOrNull(place.lng),
          numberOrNull(place.population),
          numberOrNull(place.geonamesId),
          place.wikidataId,
        ]);
      }
      if (p.sourceUrl) {
        const host = hostOf(p.sourceUrl);
        hosts.set(host, (hosts.get(host) ?? 0) + 1);
        if (/(^|\.)wikipedia\.org$/.test(host)) wikipediaSourced += 1;
      }
    }
  }
  // Every division above a pair's division is listed too, so that parent_code always resolves.
  for (const code of [...divisionCodes]) {
    let division = cache.divisions.get(code);
    while (division?.parentCode) {
      divisionCodes.add(division.parentCode);
      division = cache.divisions.get(division.parentCode);
    }
  }
  const divisionRows: Cell[][] = [...divisionCodes].sort().map((code) => {
    const d = cache.divisions.get(code);
    return [code, d?.nameZh ?? code, d?.nameEn ?? code, d?.level ?? null, d?.parentCode ?? null, d?.wikidataId ?? null];
  });
  const benchmarkRows: Cell[][] = (await selectAllBenchmarks(db)).map((b) => [
    b.id,
    b.scopeCode,
    b.kind,
    b.total,
    b.provincial,
    b.city,
    b.county,
    b.countries,
    formatPartialDate(b.asOf, b.asOfPrecision as Precision),
    b.source,
    b.sourceUrl,
  ]);
  const groups = (await listGroups({ db, actor })).filter((g) => g.code !== 'bri');
  const groupRows: Cell[][] = groups.map((g) => [g.code, g.nameZh, g.nameEn, g.description, g.source]);
  const memberRows: Cell[][] = groups.flatMap((g) =>
    g.members.map((m) => [g.code, m.iso2, m.joinedOn, m.source] as Cell[]),
  );
  const tables = new Map<string, Cell[][]>([
    [DIVISIONS.name, divisionRows],
    [PLACES.name, [...placeRows.values()].sort((a, b) => (a[0] as number) - (b[0] as number))],
    [PARTNERSHIPS.name, pairRows],
    [BENCHMARKS.name, benchmarkRows],
    [COUNTRY_GROUPS.name, groupRows],
    [GROUP_MEMBERS.name, memberRows],
  ]);
  return {
    scope: { code: scope.code, nameZh: scope.nameZh, nameEn: scope.nameEn },
    license,
    publisher: options.publisher ?? `${scope.nameZh} ${scope.nameEn}`,
    created: options.created ?? today(),
    tables,
    sources: [...hosts].map(([host, count]) => ({ host, count })).sort((a, b) => b.count - a.count),
    wikipediaSourced,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The CSV text of a table: a header of field names, then one line per row, UTF-8 without BOM. */
export function tableCsv(spec: TableSpec, rows: Cell[][]): string {
  return stringify(rows, {
    header: true,
    columns: spec.fields.map((field) => field.name),
    cast: { number: (n) => String(n) },
  });
}

function tableSchema(spec: TableSpec) {
  return {
    fields: spec.fields.map((field) => ({
      name: field.name,
      type: field.type,
      title: field.title,
      description: field.description,
      ...(field.format ? { format: field.format } : {}),
      ...(field.constraints ? { constraints: { ...field.constraints } } : {}),
    })),
    primaryKey: spec.primaryKey,
    ...(spec.foreignKeys
      ? {
          foreignKeys: spec.foreignKeys.map((fk) => ({
            fields: fk.fields,
            // A reference to the table itself names no resource (Table Schema 2.0).
            reference: fk.reference.resource === spec.name ? { fields: fk.reference.fields } : fk.reference,
          })),
        }
      : {}),
    missingValues: [''],
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const PACKAGE_FILES = {
  descriptor: 'datapackage.json',
  workbook: 'amity-open-data.xlsx',
  jsonld: 'dataset.jsonld',
} as const;

export function packageName(code: string): string {
  return `amity-friendship-cities-${code}`;
}

/**
 * Where the package will be found, for the links of dataset.jsonld: the folder its files are served
 * from (each file a download of its own), and/or the address of the zip.
 */
export type LinkOptions = { baseUrl?: string; zipUrl?: string };

/** The files of the package, by their path inside it. */
export async function writeOpenPackage(pkg: OpenPackage, options: LinkOptions = {}) {
  const files = new Map<string, Uint8Array>();
  const resources = TABLES.map((spec) => {
    const bytes = Buffer.from(tableCsv(spec, pkg.tables.get(spec.name) ?? []), 'utf8');
    const path = `data/${spec.name}.csv`;
    files.set(path, bytes);
    return {
      name: spec.name,
      path,
      type: 'table',
      title: spec.title,
      description: spec.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: bytes.length,
      hash: `sha256:${sha256(bytes)}`,
      schema: tableSchema(spec),
    };
  });
  const license = LICENSES[pkg.license];
  const title = `Friendship-city partnerships of ${pkg.scope.nameEn} (${pkg.scope.nameZh}) · ${pkg.scope.nameZh}国际友好城市`;
  const counts = TABLES.map((spec) => `${pkg.tables.get(spec.name)?.length ?? 0} ${spec.name}`).join(', ');
  const description =
    `The international friendship-city (sister-city) partnerships that ${pkg.publisher} publishes from its Amity registry, ` +
    `as of ${pkg.created}: ${counts}. Each pair cites its source; the published totals are benchmarks with theirs.` +
    (pkg.wikipediaSourced > 0
      ? ` ${pkg.wikipediaSourced} pairs come from English Wikipedia lists, CC BY-SA 4.0 (© Wikipedia contributors).`
      : '');
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: packageName(pkg.scope.code),
    title,
    description,
    version: pkg.created.replaceAll('-', '.'),
    created: `${pkg.created}T00:00:00Z`,
    licenses: [{ name: pkg.license, path: license.path, title: license.title }],
    sources: pkg.sources.map((s) => ({ title: `${s.host} (${s.count} pairs)`, path: `https://${s.host}/` })),
    contributors: [{ title: pkg.publisher, roles: ['publisher'] }],
    keywords: ['friendship cities', 'sister cities', 'twin towns', '友好城市', 'Wikidata P190'],
    resources,
  };
  files.set(PACKAGE_FILES.descriptor, Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8'));
  files.set(PACKAGE_FILES.workbook, await workbookOf(pkg));
  files.set(PACKAGE_FILES.jsonld, Buffer.from(`${JSON.stringify(datasetJsonLd(pkg, descriptor, options), null, 2)}\n`));
  return { files, descriptor };
}

/**
 * The same tables as sheets of one workbook, written by the streaming writer (a fraction of the
 * in-memory workbook's time at 100,000 rows): text cells stay text, never formulas; numbers numbers.
 */
async function workbookOf(pkg: OpenPackage): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  workbook.creator = 'Amity';
  for (const spec of TABLES) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(spec.fields.map((field) => field.name)).commit();
    for (const row of pkg.tables.get(spec.name) ?? []) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

type Descriptor = Awaited<ReturnType<typeof writeOpenPackage>>['descriptor'];

/** A schema.org Dataset record of the package, for search engines and data catalogues. */
function datasetJsonLd(pkg: OpenPackage, descriptor: Descriptor, links: LinkOptions) {
  // A file is a download of its own only where the folder is served; inside the zip it is named.
  const at = (path: string) => (links.baseUrl ? { contentUrl: new URL(path, links.baseUrl).toString() } : {});
  const zip = links.zipUrl
    ? [{ '@type': 'DataDownload', name: 'package.zip', encodingFormat: 'application/zip', contentUrl: links.zipUrl }]
    : [];
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: descriptor.title,
    description: descriptor.description,
    identifier: descriptor.name,
    version: descriptor.version,
    dateCreated: pkg.created,
    dateModified: pkg.created,
    inLanguage: ['zh-CN', 'en'],
    isAccessibleForFree: true,
    license: LICENSES[pkg.license].path,
    keywords: descriptor.keywords,
    creator: { '@type': 'GovernmentOrganization', name: pkg.publisher },
    publisher: { '@type': 'GovernmentOrganization', name: pkg.publisher },
    spatialCoverage: { '@type': 'Place', name: `${pkg.scope.nameZh} ${pkg.scope.nameEn}` },
    isBasedOn: descriptor.sources.map((s) => s.path),
    variableMeasured: TABLES.find((t) => t.name === 'partnerships')?.fields.map((field) => field.name),
    distribution: [
      ...zip,
      ...descriptor.resources.map((r) => ({
        '@type': 'DataDownload',
        name: r.path,
        encodingFormat: 'text/csv',
        ...at(r.path),
        contentSize: `${r.bytes} B`,
        sha256: r.hash.slice('sha256:'.length),
      })),
      {
        '@type': 'DataDownload',
        name: PACKAGE_FILES.workbook,
        encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...at(PACKAGE_FILES.workbook),
      },
      {
        '@type': 'DataDownload',
        name: PACKAGE_FILES.descriptor,
        encodingFormat: 'application/json',
        ...at(PACKAGE_FILES.descriptor),
      },
    ],
  };
}

/** The package as one zip archive, datapackage.json at its root as Frictionless tools expect. */
export function zipPackage(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  // The workbook is a zip already: stored as it is, not compressed twice.
  for (const [path, bytes] of files) entries[path] = path.endsWith('.xlsx') ? [bytes, { level: 0 }] : bytes;
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/**
 * The self-check of a package before it is left anywhere: the descriptor against the Frictionless
 * profiles and every table against its Table Schema, on the cells in memory (the CSV files are
 * csv-stringify's rendering of exactly these cells; the tests read them back).
 */
export function checkOpenPackage(pkg: OpenPackage, descriptor: Descriptor): PackageProblem[] {
  const tables = new Map<string, ParsedTable>();
  for (const spec of TABLES) {
    const rows = (pkg.tables.get(spec.name) ?? []).map((row) =>
      row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))),
    );
    tables.set(spec.name, { header: spec.fields.map((field) => field.name), rows });
  }
  return [...validateDescriptor(descriptor), ...checkTables(descriptor, tables)];
}
