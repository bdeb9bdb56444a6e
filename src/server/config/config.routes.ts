/** /api/config: what the web app needs to know about this deployment before anything else. */
import { existsSync } from 'node:fs';
import { createRoute } from '@hono/zod-openapi';
import { NATIONAL_CODE } from '../../shared/enums.js';
import { AppError } from '../../shared/errors.js';
import { ConfigSchema, type ScopeView } from '../../shared/schemas/config-view.js';
import type { Api } from '../http/app.js';
import { jsonResponse } from '../http/openapi.js';
import { getReferenceCache, unknownDivisionIssue } from '../places/reference-cache.js';

/** The home scope named by a code, or an error that says how to fix AMITY_HOME_SCOPE. */
export function resolveHomeScope(code: string): ScopeView {
  if (code === NATIONAL_CODE) return { code, nameZh: '全国', nameEn: 'China' };
  const division = getReferenceCache().divisions.get(code);
  if (!division) {
    throw new AppError('validation_failed', `AMITY_HOME_SCOPE ${code} is not a known division`, {
      issues: [
        unknownDivisionIssue(
          'AMITY_HOME_SCOPE',
          code,
          'use the code of your province, city or county (e.g. 430000), or 000000',
        ),
      ],
    });
  }
  return { code: division.code, nameZh: division.nameZh, nameEn: division.nameEn };
}

export function registerConfigRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/config',
      tags: ['config'],
      summary: "This deployment's settings that the web app needs (its home scope)",
      responses: { 200: jsonResponse(ConfigSchema, 'The settings') },
    }),
    (c) => {
      const deps = c.get('deps');
      const code = deps.homeScope;
      return c.json(
        {
          homeScope: code ? resolveHomeScope(code) : null,
          publicRead: !!deps.publicRead,
          demo: !!deps.demoUsername,
          // Looked at on each call: a base map dropped in is used from the next page load on.
          baseMap: !!deps.baseMapFile && existsSync(deps.baseMapFile),
        },
        200,
      );
    },
  );
}
