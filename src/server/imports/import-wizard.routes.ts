/**
 * The import wizard's API: the preview of an uploaded sheet, the office's saved column mappings,
 * the problem report as a workbook to fix the file in, and the import runs with their undo.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { pickLanguage } from '../../shared/messages.js';
import {
  ImportPreviewSchema,
  ImportRunSchema,
  SavedMappingInputSchema,
  SavedMappingPatchSchema,
  SavedMappingSchema,
  UndoResultSchema,
} from '../../shared/schemas/imports.js';
import { assertCanWrite } from '../auth/actor.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { CONTENT_TYPES } from './export.service.js';
import { attachment, fileSchema, ImportQuerySchema, importOptions, readUpload } from './import.routes.js';
import { previewImport } from './preview.service.js';
import { problemsWorkbook } from './problems-workbook.js';
import {
  createSavedMapping,
  deleteSavedMapping,
  listSavedMappings,
  updateSavedMapping,
} from './saved-mapping.service.js';
import { listImportRuns, undoImportRun } from './undo.service.js';

const tags = ['imports'];

const uploadBody = {
  body: {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            file: fileSchema,
            mapping: { type: 'string', description: 'A column mapping as JSON (see ImportMapping)' },
          },
        },
      },
    },
  },
} as const;

const PreviewQuerySchema = ImportQuerySchema.pick({
  type: true,
  format: true,
  fileName: true,
  sheet: true,
  headerRow: true,
  mappingId: true,
});

export function registerImportWizardRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/preview',
      tags,
      summary: 'An uploaded sheet as the importer sees it: its columns beside the fields, the first rows',
      description:
        'Nothing is checked row by row and nothing is written. The same query and form fields as POST /api/imports.',
      request: { query: PreviewQuerySchema, ...uploadBody },
      responses: {
        200: jsonResponse(ImportPreviewSchema, 'The preview'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const lang = pickLanguage(c.req.query('lang') ?? c.req.header('accept-language'));
      const actor = actorOf(c);
      assertCanWrite(actor, actor.scopeCode);
      const upload = await readUpload(c);
      const options = await importOptions(c, query, upload, actor);
      return c.json(await previewImport({ ...options, lang }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/problems.xlsx',
      tags,
      summary:
        'The problem report as a workbook: the sheet with each row’s problems beside it, to fix and upload again',
      request: { query: ImportQuerySchema.omit({ dryRun: true }), ...uploadBody },
      responses: {
        200: { content: { [CONTENT_TYPES.xlsx]: { schema: fileSchema } }, description: 'The workbook' },
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const lang = pickLanguage(c.req.query('lang') ?? c.req.header('accept-language'));
      const actor = actorOf(c);
      assertCanWrite(actor, actor.scopeCode);
      const upload = await readUpload(c);
      const options = await importOptions(c, query, upload, actor);
      const { report, workbook } = await problemsWorkbook({ ...options, lang, blank: query.blank });
      const base = options.fileName.replace(/\.[a-z0-9]+$/i, '');
      return c.body(new Uint8Array(workbook), 200, {
        'content-type': CONTENT_TYPES.xlsx,
        'content-disposition': attachment(`${base}.${lang === 'en' ? 'problems' : '问题'}.xlsx`),
        'x-problem-count': String(report.problemCount),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/runs',
      tags,
      summary: 'The latest imports into your scope, newest first, with whether each was undone',
      responses: {
        200: jsonResponse(z.object({ data: z.array(ImportRunSchema) }), 'The runs'),
        401: errorResponses[401],
      },
    }),
    async (c) => c.json({ data: await listImportRuns({ db: c.get('deps').handle.db, actor: actorOf(c) }) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/runs/{id}/undo',
      tags,
      summary: 'Undo a partnership import as a whole: its new pairs removed, its changes put back',
      description:
        '409 when a record it touched was changed since (the records are named in error.details.records), ' +
        'when it was undone already, or when it imported benchmarks or groups.',
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(UndoResultSchema, 'What was undone'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(await undoImportRun({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/import-mappings',
      tags,
      summary: "Your office's saved column mappings, and those of the offices above it",
      responses: {
        200: jsonResponse(z.object({ data: z.array(SavedMappingSchema) }), 'The mappings'),
        401: errorResponses[401],
      },
    }),
    async (c) => c.json({ data: await listSavedMappings({ db: c.get('deps').handle.db, actor: actorOf(c) }) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/import-mappings',
      tags,
      summary: 'Save a column mapping under a name for your office',
      request: jsonBody(SavedMappingInputSchema),
      responses: {
        201: jsonResponse(SavedMappingSchema, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await createSavedMapping({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/import-mappings/{id}',
      tags,
      summary: "Rename a saved mapping or change its columns (your office's own)",
      request: { params: IdParamSchema, ...jsonBody(SavedMappingPatchSchema) },
      responses: {
        200: jsonResponse(SavedMappingSchema, 'Changed'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateSavedMapping({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          patch: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/import-mappings/{id}',
      tags,
      summary: "Delete a saved mapping (your office's own)",
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Deleted' },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await deleteSavedMapping({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
