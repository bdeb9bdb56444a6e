/**
 * Writes docs/openapi.json: the API's OpenAPI document as GET /api/openapi.json serves it. The file
 * is committed, so that a change of what the API accepts or answers shows up as a diff in review;
 * src/server/http/openapi.contract.test.ts fails while the file and the routes disagree. Run:
 *
 *   npm run openapi
 */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../src/server/http/app.js';
import { ROUTE_MODULES } from '../src/server/http/routes.js';

const file = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(openApiDocument(ROUTE_MODULES), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
