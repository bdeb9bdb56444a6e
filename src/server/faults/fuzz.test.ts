/**
 * Generated junk at every route of the OpenAPI document (so a new route is covered without
 * touching this file) and at the importer: never a 500, never a partial write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.js';
import { queryRows } from '../db/sql.js';
import { importData } from '../imports/import.service.js';
import { DATA_DIR } from '../reference/reference.service.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Operation = {
  method: string;
  path: string;
  query: string[];
  json: boolean;
  /** Every content type the body may have. */
  contentTypes: string[];
  properties: string[];
};

type OpenApi = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
};
type OpenApiSchema = { $ref?: string; properties?: Record<string, unknown> };
type OpenApiOperation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
};

let operations: Operation[] = [];
const ids: Record<string, number> = {};

const TABLES = ['foreign_places', 'partnerships', 'activities', 'benchmarks', 'country_groups', 'import_runs'];

async function counts(): Promise<string> {
  const parts = TABLES.map((t) => sql`(select count(*) from ${sql.identifier(t)})`);
  const rows = await queryRows<Record<string, number>>(handle.db, sql`select ${sql.join(parts, sql`, `)} as c`);
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApi;
  const resolve = (s: OpenApiSchema | undefined): OpenApiSchema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop() as string] : s;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = resolve(op.requestBody?.content['application/json']?.schema);
      operations.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        json: Boolean(op.requestBody?.content['application/json']) && !op.requestBody?.content['text/csv'],
        contentTypes: Object.keys(op.requestBody?.content ?? {}),
        properties: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  operations = operations.filter((o) => o.path.startsWith('/api/'));
  const p = await buildPartnership(handle);
  ids.partnerships = p.id;
  ids.places = p.partner.id;
  const activity = await app.request(
    '/api/activities',
    jsonInit('POST', { partnershipId: p.id, type: 'visit', occurredOn: '2020-01-02' }),
  );
  ids.activities = ((await activity.json()) as { id: number }).id;
  const benchmark = await app.request(
    '/api/benchmarks',
    jsonInit('POST', { scopeCode: '430000', kind: 'friendship', total: 5, asOf: '2020', source: 'a report' }),
  );
  ids.benchmarks = ((await benchmark.json()) as { id: number }).id;
});

/** Strings that have broken parsers, databases and screens before. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '2023-02-30',
  '2023-13-01',
  '0000-00-00',
  '9999-12-31',
  '1e309',
  '-1',
  'NaN',
  'null',
  '430100',
  'GH',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m\u007f',
  '\ud800',
  '\u202eevil',
  '长沙 Лондон لندن 東京 🤝',
  '=HYPERLINK("http://x")',
  "'; drop table partnerships; --",
  'x'.repeat(10_000),
  '名'.repeat(10_000),
  '__proto__',
);
const junkValue = fc.oneof(
  nasty,
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const idFor = (path: string) =>
  fc.oneof(
    fc.constant(String(ids[path.split('/')[2] as string] ?? 1)),
    fc.constantFrom('0', '-1', '1.5', 'abc', '99999999999', '%00', '1e3'),
  );

function bodyFor(op: Operation) {
  const fields = fc.dictionary(fc.constantFrom(...op.properties, 'unknownField'), junkValue, { maxKeys: 8 });
  const withVersion = fields.map((f) => ({ ...f, version: 1 }));
  return fc.oneof(fields, withVersion, fc.jsonValue({ maxDepth: 3 }));
}

function urlOf(path: string, id: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return `${path.replace('{id}', encodeURIComponent(id))}${qs ? `?${qs}` : ''}`;
}

describe('junk at every route', () => {
  it('covers the routes of the OpenAPI document', () => {
    expect(operations.filter((o) => o.json).length).toBeGreaterThanOrEqual(7);
    expect(operations.filter((o) => o.query.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('never answers 500 to a JSON body, and a refused write changes nothing', async () => {
    for (const op of operations.filter((o) => o.json)) {
      await fc.assert(
        fc.asyncProperty(idFor(op.path), bodyFor(op), async (id, body) => {
          const before = await counts();
          const res = await app.request(urlOf(op.path, id, {}), jsonInit(op.method, body));
          expect(res.status, `${op.method} ${op.path} ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await counts()).toBe(before);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('never answers 500 to a body that is not JSON at all', async () => {
    for (const op of operations.filter((o) => o.json)) {
      for (const raw of ['', '{', 'null', '[]', '"x"', '{"a":', '\u0000', 'x'.repeat(5000)]) {
        const res = await app.request(urlOf(op.path, String(ids.partnerships), {}), {
          method: op.method,
          headers: { 'content-type': 'application/json' },
          body: raw,
        });
        expect(res.status, `${op.method} ${op.path} ${raw.slice(0, 20)}`).toBeLessThan(500);
      }
    }
  });

  it('never answers 500 to junk bytes of any content type a file upload takes', async () => {
    const uploads = operations.filter((o) => !o.json && o.contentTypes.length > 0);
    expect(uploads.length).toBeGreaterThan(0);
    for (const op of uploads) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...op.contentTypes, 'multipart/form-data; boundary=x', 'application/octet-stream'),
          fc.uint8Array({ maxLength: 3000 }),
          fc.dictionary(
            fc.constantFrom(...op.query),
            fc.oneof(nasty, fc.constantFrom('true', 'false', 'csv', 'xlsx')),
            {
              maxKeys: 3,
            },
          ),
          async (type, bytes, query) => {
            const before = await counts();
            const res = await app.request(urlOf(op.path, '1', query), {
              method: op.method,
              headers: { 'content-type': type },
              body: bytes,
            });
            expect(res.status, `${op.method} ${op.path} ${type}`).toBeLessThan(500);
            if (res.status >= 400) expect(await counts()).toBe(before);
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it('never answers 500 to a query string', async () => {
    for (const op of operations.filter((o) => o.query.length > 0 && o.method !== 'POST')) {
      await fc.assert(
        fc.asyncProperty(
          idFor(op.path),
          fc.dictionary(fc.constantFrom(...op.query), fc.oneof(nasty, fc.string(), fc.integer().map(String)), {
            maxKeys: 6,
          }),
          async (id, query) => {
            const before = await counts();
            const res = await app.request(urlOf(op.path, id, query), { method: op.method });
            expect(res.status, `${op.method} ${urlOf(op.path, id, query).slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) expect(await counts()).toBe(before);
            await res.arrayBuffer();
          },
        ),
        { numRuns: 25 },
      );
    }
  });
});

describe('limits and text', () => {
  it('refuses a body over the limit with 413', async () => {
    const declared = await app.request('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
      body: '{}',
    });
    expect(declared.status).toBe(413);
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 110 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await app.request('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers an impossible date with 400 naming the field', async () => {
    const cases: [string, object, string][] = [
      [
        '/api/partnerships',
        {
          cnCode: '430100',
          kind: 'friendship',
          status: 'active',
          partner: { countryIso2: 'GH', nameEn: 'Datetown' },
          establishedOn: '2023-02-30',
        },
        'establishedOn',
      ],
      ['/api/activities', { partnershipId: ids.partnerships, type: 'visit', occurredOn: '2023-02-30' }, 'occurredOn'],
      [
        '/api/benchmarks',
        { scopeCode: '430000', kind: 'friendship', total: 1, asOf: '2023-02-30', source: 's' },
        'asOf',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await app.request(path, jsonInit('POST', body));
      expect(res.status, path).toBe(400);
      const error = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(
        error.error.issues.map((i) => i.path),
        path,
      ).toContain(field);
    }
  });

  it('stores control characters and mixed scripts safely, and refuses 10,000-character names cleanly', async () => {
    for (const nameEn of ['Tab\tand\u0007bell', '長沙 Лондон لندن 🤝', '\u202eevil', 'x'.repeat(10_000)]) {
      const before = await counts();
      const res = await app.request(
        '/api/partnerships',
        jsonInit('POST', {
          cnCode: '430100',
          kind: 'friendship',
          status: 'active',
          partner: { countryIso2: 'GH', nameEn },
        }),
      );
      expect([201, 400], nameEn.slice(0, 20)).toContain(res.status);
      if (res.status === 400) {
        expect(await counts()).toBe(before);
        continue;
      }
      const made = (await res.json()) as { id: number };
      const read = (await (await app.request(`/api/partnerships/${made.id}`)).json()) as {
        partner: { nameEn: string };
      };
      expect(read.partner.nameEn.length).toBeGreaterThan(0);
    }
  });
});

describe('junk at the importer', () => {
  const templateCsv = readFileSync(join(DATA_DIR, 'templates/partnerships-template.csv'), 'utf8');
  const templateXlsx = readFileSync(join(DATA_DIR, 'templates/partnerships-template.xlsx'));
  const header = templateCsv.replace(/^\uFEFF/, '').split(/\r?\n/)[0] as string;
  const cell = fc.oneof(
    nasty,
    fc.string(),
    fc.constantFrom('430100', 'GH', 'friendship', 'active', '2020-02', 'Accra'),
  );
  const csvRows = fc
    .array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 })
    .map((rows) => [header, ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n'));
  const files = fc.oneof(
    fc.tuple(
      fc.constant('junk.csv'),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
    ),
    fc.tuple(
      fc.constant('junk.json'),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
    ),
    fc.tuple(
      fc.constant('junk.json'),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))),
    ),
    fc.tuple(
      fc.constant('junk.xlsx'),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from([0x50, 0x4b, 3, 4, ...b])),
    ),
    fc.tuple(
      fc.constant('flipped.xlsx'),
      fc.array(fc.tuple(fc.nat(templateXlsx.length - 1), fc.nat(255)), { minLength: 1, maxLength: 20 }).map((flips) => {
        const copy = Buffer.from(templateXlsx);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
    ),
    fc.tuple(
      fc.constant('cells.csv'),
      csvRows.map((text) => Buffer.from(text)),
    ),
  );

  it('never fails with anything but a report or a clean error, and writes all or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(files, async ([fileName, data]) => {
        const before = await counts();
        try {
          const report = await importData({ db: handle.db, data, fileName });
          if (!report.ok) expect(await counts()).toBe(before);
        } catch (error) {
          expect(isAppError(error), `${fileName}: ${(error as Error).message}`).toBe(true);
          expect(await counts()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
