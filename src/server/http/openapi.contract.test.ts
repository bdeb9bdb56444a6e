import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/test-db.js';
import { createApp, openApiDocument } from './app.js';
import { ROUTE_MODULES } from './routes.js';

const committed = new URL('../../../docs/openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('is the one committed in docs/openapi.json (npm run openapi rewrites it; review the diff)', () => {
    const written = JSON.parse(readFileSync(committed, 'utf8')) as unknown;
    expect(openApiDocument(ROUTE_MODULES)).toEqual(written);
  });

  it('is what GET /api/openapi.json serves', async () => {
    const handle = await createTestDb();
    try {
      const app = createApp({ handle }, ROUTE_MODULES);
      const served = (await (await app.request('/api/openapi.json')).json()) as unknown;
      expect(served).toEqual(openApiDocument(ROUTE_MODULES));
    } finally {
      await handle.close();
    }
  });
});
