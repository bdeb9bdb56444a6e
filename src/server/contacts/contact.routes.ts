/**
 * /api/contacts: personal data, so every route needs the contacts permission (403 without it) and
 * none is open to anonymous readers. The export is a POST with a confirmation and a purpose.
 */

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ContactCreateSchema,
  ContactExportSchema,
  ContactListQuerySchema,
  ContactStaleQuerySchema,
  ContactTouchCreateSchema,
  ContactUpdateSchema,
  PostHoldersQuerySchema,
} from '../../shared/schemas/contact.js';
import { ContactSchema, PostHoldersSchema, SilentListSchema, TouchSchema } from '../../shared/schemas/contact-view.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import { exportContacts } from './contact.export.js';
import { createContact, deleteContact, getContact, updateContact } from './contact.service.js';
import { findPostHolders, listContacts, listSilentContacts } from './contact-list.service.js';
import { addTouch, removeTouch } from './touch.service.js';

const denied = { 401: errorResponses[401], 403: errorResponses[403] } as const;
const tags = ['contacts'];

function attachment(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerContactRoutes(app: Api): void {
  // The fixed paths come before /api/contacts/{id}.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contacts/silent',
      tags,
      summary: 'Contacts not contacted for N months (default 12) as of a day, or never: the never contacted first',
      request: { query: ContactStaleQuerySchema },
      responses: { 200: jsonResponse(SilentListSchema, 'One page'), ...denied, 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(
        await listSilentContacts({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contacts/post-holders',
      tags,
      summary: 'Who held a post on a day (?at=), or every holder of it in order',
      request: { query: PostHoldersQuerySchema },
      responses: { 200: jsonResponse(PostHoldersSchema, 'The holders'), ...denied, 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(
        await findPostHolders({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contacts/export',
      tags,
      summary: 'Export contacts as CSV or XLSX: needs confirm: true and a purpose, which goes into the audit trail',
      request: jsonBody(ContactExportSchema),
      responses: {
        200: {
          content: {
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
          },
          description: 'The file',
        },
        ...denied,
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const file = await exportContacts({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') });
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'content-disposition': attachment(file.fileName),
        'x-exported-rows': String(file.count),
        'cache-control': 'no-store',
      });
    },
  );

  registerRecordRoutes(app, {
    path: '/api/contacts',
    tag: 'contacts',
    schemas: {
      item: ContactSchema,
      listQuery: ContactListQuerySchema,
      create: ContactCreateSchema,
      update: ContactUpdateSchema,
    },
    summaries: {
      list: 'List contacts in name order, each with its current posts and last contact',
      get: 'One contact with its role history, links and touches',
      create: 'Add a contact',
      update: 'Update a contact; roles and links replace the lists; a stale version gets 409',
      remove: 'Delete a contact; ?version= must be current',
    },
    services: {
      list: listContacts,
      get: getContact,
      create: createContact,
      update: updateContact,
      remove: deleteContact,
    },
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contacts/{id}/touches',
      tags,
      summary: 'Record that the contact was contacted on a day',
      request: { params: IdParamSchema, ...jsonBody(ContactTouchCreateSchema) },
      responses: {
        201: jsonResponse(TouchSchema, 'Recorded'),
        ...denied,
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        await addTouch({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          contactId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/contacts/{id}/touches/{touchId}',
      tags,
      summary: 'Delete a recorded touch',
      request: {
        params: IdParamSchema.extend({ touchId: z.coerce.number().int().positive().max(2_147_483_647) }),
      },
      responses: { 204: { description: 'Deleted' }, ...denied, 404: errorResponses[404] },
    }),
    async (c) => {
      const { id, touchId } = c.req.valid('param');
      await removeTouch({ db: c.get('deps').handle.db, actor: actorOf(c), contactId: id, touchId });
      return c.body(null, 204);
    },
  );
}
