/**
 * What /api/config sends back: the settings of this deployment that the web app needs before
 * anything else. The route is typed by these schemas, the OpenAPI document is written from them and
 * the web app reads its type from them.
 */
import { z } from 'zod';

// A division named in the settings; it has no name of its own in the document, so it stays inline.
export const ScopeSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type ScopeView = z.infer<typeof ScopeSchema>;

export const ConfigSchema = z
  .object({
    homeScope: ScopeSchema.nullable().describe('The scope the web app opens on; null: not configured'),
    publicRead: z.boolean().describe('Visitors who are not signed in may read the registry (AMITY_PUBLIC_READ=1)'),
    demo: z.boolean().describe('A demo: the local browser may sign in as the demo administrator'),
    baseMap: z
      .boolean()
      .describe('The deployment serves its own base map at /basemap.geojson (else the bundled land outline)'),
  })
  .meta({ id: 'Config' });
export type ConfigView = z.infer<typeof ConfigSchema>;
