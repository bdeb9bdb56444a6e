import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FiguresQuerySchema } from '../../shared/schemas/figures.js';
import { PartnershipListQuerySchema } from '../../shared/schemas/partnership.js';
import { systemActor } from '../auth/actor.js';
import { loadDemo } from '../demo/demo.service.js';
import { getFigures } from '../figures/figure.service.js';
import { deletePartnership, listPartnerships, updatePartnership } from '../partnerships/partnership.service.js';
import { putCountryGroup } from '../places/place.service.js';
import { buildPartnership, buildUser } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { buildOpenPackage, writeOpenPackage, zipPackage } from './open-package.service.js';
import { filesOfZip, importOpenPackage } from './package-import.js';
import { parseTableCsv, recordsOf, validatePackageFiles } from './package-validate.js';

const origin = await createTestDb();
const copy = await createTestDb();
const actor = systemActor('test');

const SECRET_NOTE = 'internal: the mayor prefers Tuesdays';
const PRIVATE_PARTNER = 'Withheldtown';
const OUTSIDE_PARTNER = 'Otherprovinceville';

let files: Map<string, Uint8Array>;

/** A CSV's rows as objects keyed by field name. */
const csvRecords = (text: string) => ({ rows: recordsOf(parseTableCsv(text)) });
let contactStrings: string[];
let ids: { internal: number; private: number; outside: number };

/** Every text of the package, the workbook's sheets unpacked, to search for what must not leave. */
function allText(): string {
  const parts: string[] = [];
  for (const [path, bytes] of files) {
    if (path.endsWith('.xlsx')) {
      for (const inner of Object.values(unzipSync(bytes))) parts.push(Buffer.from(inner).toString('utf8'));
    } else parts.push(Buffer.from(bytes).toString('utf8'));
  }
  return parts.join('\n');
}

beforeAll(async () => {
  const demo = await loadDemo({ db: origin.db });
  contactStrings = ['Example Person A', '示例人物甲', 'person.a@example.org'];
  expect(demo.contacts?.contacts ?? 1).toBeGreaterThan(0);
  await buildUser(origin, { username: 'secretaccount', role: 'editor', scopeCode: '430000' });
  // An office's own group, counted from the day each member joined (a test fixture, not a fact).
  await putCountryGroup({
    db: origin.db,
    actor,
    group: {
      code: 'test-group',
      nameZh: '测试分组',
      nameEn: 'Test group',
      description: null,
      source: 'test fixture',
      members: [
        { iso2: 'ZA', joinedOn: '2015-12-04', source: null },
        { iso2: 'JP', joinedOn: null, source: null },
      ],
    },
  });
  // The demo publishes Hunan as a whole.
  expect(demo.openData).toEqual({ publicScope: '430000', placeQids: 23 });
  // A pair of every shape the counting rules tell apart, all of them published.
  await buildPartnership(origin, { cnCode: '430100', kind: 'exchange', establishedOn: '2019-03-04' });
  await buildPartnership(origin, {
    cnCode: '430102',
    status: 'ended',
    establishedOn: '1999',
    endedOn: '2012-06-30',
    endedReason: 'the partner city merged',
  });
  await buildPartnership(origin, { cnCode: '430200', status: 'dormant', establishedOn: null });
  const internal = await buildPartnership(origin, { cnCode: '430300', notes: SECRET_NOTE, notesInternal: true });
  const hidden = await buildPartnership(origin, {
    cnCode: '430100',
    partner: { countryIso2: 'FR', nameEn: PRIVATE_PARTNER },
    isPublic: false,
  });
  // Another province has no open-data setting: its pairs stay in.
  const outside = await buildPartnership(origin, {
    cnCode: '420100',
    partner: { countryIso2: 'FR', nameEn: OUTSIDE_PARTNER },
  });
  ids = { internal: internal.id, private: hidden.id, outside: outside.id };
  const pkg = await buildOpenPackage({
    db: origin.db,
    actor,
    options: { created: '2026-11-29', license: 'CC-BY-SA-4.0' },
  });
  files = (await writeOpenPackage(pkg)).files;
});

describe('the open-data package', () => {
  it('validates against the Frictionless Data Package and Table Schema profiles and its own schemas', () => {
    const { problems, tables } = validatePackageFiles(files);
    expect(problems).toEqual([]);
    expect([...tables.keys()]).toEqual([
      'divisions',
      'places',
      'partnerships',
      'benchmarks',
      'country_groups',
      'country_group_members',
    ]);
  });

  it('refuses a package that breaks its schema: a bad enum, a broken foreign key, a changed size', () => {
    const broken = new Map(files);
    const csv = Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8');
    const lines = csv.split('\n');
    const cells = (lines[1] as string).split(',');
    cells[2] = '999999';
    cells[4] = 'sister';
    lines[1] = cells.join(',');
    broken.set('data/partnerships.csv', Buffer.from(lines.join('\n')));
    const { problems } = validatePackageFiles(broken);
    const messages = problems.map((p) => `${p.file} ${p.row ?? ''} ${p.field ?? ''} ${p.message}`);
    expect(
      messages.some((m) => m.includes('data/partnerships.csv 2 kind "sister" is not one of friendship, exchange')),
    ).toBe(true);
    expect(messages.some((m) => m.includes('data/partnerships.csv 2 place_id ["999999"] is not in places (id)'))).toBe(
      true,
    );
    expect(messages.some((m) => m.includes('bytes; the descriptor says'))).toBe(true);
  });

  it('refuses a descriptor the Data Package profile does not accept', () => {
    const descriptor = JSON.parse(Buffer.from(files.get('datapackage.json') as Uint8Array).toString('utf8'));
    descriptor.licenses = [{ name: 'not a licence id!' }];
    delete descriptor.resources[0].schema.fields;
    const broken = new Map(files);
    broken.set('datapackage.json', Buffer.from(JSON.stringify(descriptor)));
    const messages = validatePackageFiles(broken).problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith('/licenses/0/name must match pattern'))).toBe(true);
    expect(messages.some((m) => m.includes("/resources/0/schema/ must have required property 'fields'"))).toBe(true);
  });

  it('holds the published pairs only: not the withheld one, not another province without a setting', () => {
    const pairs = csvRecords(Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8'));
    const pairIds = new Set(pairs.rows.map((r) => Number(r.id)));
    expect(pairIds.has(ids.private)).toBe(false);
    expect(pairIds.has(ids.outside)).toBe(false);
    expect(pairIds.has(ids.internal)).toBe(true);
    expect(pairs.rows.length).toBe(55 + 4);
    const text = allText();
    expect(text).not.toContain(PRIVATE_PARTNER);
    expect(text).not.toContain(OUTSIDE_PARTNER);
  });

  it('never lets out internal notes, contacts or accounts', () => {
    const text = allText();
    expect(text).not.toContain(SECRET_NOTE);
    for (const s of contactStrings) expect(text).not.toContain(s);
    expect(text).not.toContain('secretaccount');
    const pairs = csvRecords(Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8'));
    const internal = pairs.rows.find((r) => Number(r.id) === ids.internal);
    expect(internal?.notes).toBe('');
    // Notes that are not internal (the demo's provenance) do leave.
    expect(pairs.rows.filter((r) => (r.notes ?? '').startsWith('Source:')).length).toBeGreaterThan(40);
  });

  it('writes the same tables as sheets of the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files.get('amity-open-data.xlsx') as Uint8Array) as never);
    const pairs = csvRecords(Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8'));
    const sheet = workbook.getWorksheet('partnerships');
    expect(sheet?.rowCount).toBe(pairs.rows.length + 1);
    const second = sheet?.getRow(2).values as unknown[];
    expect(String(second[1])).toBe(pairs.rows[0]?.id);
    expect(String(second[2])).toBe(pairs.rows[0]?.cn_code);
  });

  it('describes itself as a schema.org Dataset with a download per file and the licence', () => {
    const record = JSON.parse(Buffer.from(files.get('dataset.jsonld') as Uint8Array).toString('utf8'));
    expect(record['@context']).toBe('https://schema.org/');
    expect(record['@type']).toBe('Dataset');
    expect(record.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(record.distribution.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining([
        'data/partnerships.csv',
        'data/places.csv',
        'data/divisions.csv',
        'data/benchmarks.csv',
        'amity-open-data.xlsx',
        'datapackage.json',
      ]),
    );
    expect(record.description).toContain('CC BY-SA 4.0');
  });
});

describe('export → import into an empty database', () => {
  let imported: Awaited<ReturnType<typeof importOpenPackage>>;
  beforeAll(async () => {
    imported = await importOpenPackage({ db: copy.db, actor, files: filesOfZip(zipPackage(files)) });
    // The origin without what was not published is what the package stands for.
    const published = new Set(
      csvRecords(Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8')).rows.map((r) =>
        Number(r.id),
      ),
    );
    const all = await listPartnerships({
      db: origin.db,
      actor,
      query: PartnershipListQuerySchema.parse({ perPage: 500 }),
    });
    for (const p of all.data) {
      if (!published.has(p.id)) await deletePartnership({ db: origin.db, actor, id: p.id, version: p.version });
    }
  });

  it('writes every pair and benchmark', () => {
    expect(imported.partnerships).toBe(59);
    expect(imported.benchmarks).toBeGreaterThan(20);
    expect(imported.groups).toBe(1);
  });

  it('reproduces every figure, for every scope, kind and date', async () => {
    const scopes = ['000000', '430000', '430100', '430102', '430200', '430300', '430181', '431000', '433100'];
    const dates = ['1990-01-01', '2005-06-30', '2012-06-30', '2018-01-01', '2024-11-28', '2026-11-29'];
    let compared = 0;
    for (const scope of scopes) {
      for (const asOf of dates) {
        for (const kind of ['friendship', 'exchange'] as const) {
          const since = asOf >= '2003-04-01' ? '2003-04' : undefined;
          const query = FiguresQuerySchema.parse({ scope, asOf, kind, since });
          const [a, b] = await Promise.all([
            getFigures({ db: origin.db, actor, query }),
            getFigures({ db: copy.db, actor, query }),
          ]);
          expect(b).toEqual(a);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(108);
    const hunan = await getFigures({
      db: copy.db,
      actor,
      query: FiguresQuerySchema.parse({ scope: '430000', asOf: '2026-11-29' }),
    });
    expect(hunan.total).toBeGreaterThan(50);
    expect(hunan.rank).not.toBeNull();
    expect(hunan.groups['test-group']).toMatchObject({ countries: 2 });
  });

  it('exports from the copy the same tables, ids aside', async () => {
    const again = await writeOpenPackage(
      await buildOpenPackage({ db: copy.db, actor, options: { created: '2026-11-29', license: 'CC-BY-SA-4.0' } }),
    );
    const comparable = (fs: Map<string, Uint8Array>) => {
      const read = (name: string) =>
        csvRecords(Buffer.from(fs.get(`data/${name}.csv`) as Uint8Array).toString('utf8')).rows;
      const places = new Map(read('places').map((p) => [p.id, p]));
      const pairs = read('partnerships').map(({ id: _id, place_id, ...rest }) => {
        const { id: _pid, ...place } = places.get(place_id) as Record<string, string>;
        return JSON.stringify({ ...rest, place });
      });
      const benchmarks = read('benchmarks').map(({ id: _id, ...rest }) => JSON.stringify(rest));
      return { pairs: pairs.sort(), benchmarks: benchmarks.sort(), divisions: read('divisions') };
    };
    expect(comparable(again.files)).toEqual(comparable(files));
  });

  it('refuses a second import into a database that holds pairs, writing nothing', async () => {
    await expect(importOpenPackage({ db: copy.db, actor, files })).rejects.toThrow(/already holds 59 partnerships/);
  });

  it('keeps the flags of a pair editable through the API service and audited', async () => {
    const list = await listPartnerships({
      db: copy.db,
      actor,
      query: PartnershipListQuerySchema.parse({ perPage: 1 }),
    });
    const first = list.data[0];
    if (!first) throw new Error('no pair');
    const updated = await updatePartnership({
      db: copy.db,
      actor,
      id: first.id,
      input: { version: first.version, isPublic: false, notesInternal: true },
    });
    expect(updated).toMatchObject({ isPublic: false, notesInternal: true });
  });
});
