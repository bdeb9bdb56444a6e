import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { contacts } from '../db/schema.js';
import { DEMO_DATA_DIR } from '../demo/demo.service.js';
import { importData } from '../imports/import.service.js';
import { createTestDb } from '../testing/test-db.js';
import { loadDemoContacts } from './contact.demo.js';
import { listSilentContacts } from './contact-list.service.js';

const handle = await createTestDb();
const { db } = handle;

describe('demo contacts', () => {
  it('are all illustrative, with obviously fictitious names, linked to the demo partnerships', async () => {
    const data = readFileSync(join(DEMO_DATA_DIR, 'hunan-partnerships.csv'));
    const report = await importData({
      db,
      data,
      fileName: 'hunan-partnerships.csv',
      format: 'csv',
      type: 'partnerships',
      isDemo: false,
    });
    expect(report.ok).toBe(true);

    const first = await loadDemoContacts({ db, dataDir: DEMO_DATA_DIR });
    const file = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'contacts.json'), 'utf8')) as { contacts: unknown[] };
    expect(first.contacts).toBe(file.contacts.length);
    expect(first.links).toBeGreaterThan(0);

    const rows = await db.select().from(contacts);
    expect(rows.length).toBe(file.contacts.length);
    for (const row of rows) {
      expect(row.isDemo).toBe(true);
      expect(row.nameZh).toMatch(/^示例/);
      expect(row.nameEn).toMatch(/^Example /);
      if (row.email) expect(row.email).toMatch(/@example\.org$/);
      if (row.phone) expect(row.phone).toMatch(/^\+00 /);
    }

    // Loading again adds nothing.
    expect(await loadDemoContacts({ db, dataDir: DEMO_DATA_DIR })).toEqual({ contacts: 0, touches: 0, links: 0 });

    // The not-contacted list has the never contacted and the long silent ones.
    const silent = await listSilentContacts({
      db,
      actor: systemActor('test'),
      query: { cn: '430000', months: 12, page: 1, perPage: 50 },
    });
    expect(silent.data.some((c) => c.lastContact === null)).toBe(true);
    expect(silent.data.some((c) => c.lastContact !== null)).toBe(true);
    expect(silent.total).toBeLessThan(rows.length);
  });
});
