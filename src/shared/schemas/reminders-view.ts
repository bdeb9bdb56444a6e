/**
 * What the reminders endpoint sends back: anniversaries coming up and partnerships gone silent. The
 * service is typed by these schemas, the OpenAPI document is written from them and the web app reads
 * its types from them.
 */
import { z } from 'zod';
import { STATUSES } from '../enums.js';
import { oneOf, partnershipRefFields } from './view-fields.js';

// Without an id: the document has always written it out where it is used.
export const ReminderPartnershipSchema = z.object({
  ...partnershipRefFields,
  status: oneOf(STATUSES),
  establishedOn: z.string().nullable().describe('At its precision: 1998, 2013-06 or 2013-06-05'),
});
export type ReminderPartnershipView = z.infer<typeof ReminderPartnershipSchema>;

export const RemindersSchema = z
  .object({
    scope: z.string(),
    asOf: z.string(),
    years: z.number().int(),
    months: z.number().int(),
    until: z.string(),
    silentBefore: z.string(),
    anniversaries: z.object({
      data: z.array(
        z.object({
          partnership: ReminderPartnershipSchema,
          n: z.number().int().describe('Which anniversary: 5, 10, 15, …'),
          major: z.boolean().describe('A multiple of 10'),
          start: z.string(),
          end: z.string(),
          label: z.string().describe('The anniversary at the precision of the signing date'),
        }),
      ),
      total: z.number().int(),
    }),
    silent: z.object({
      data: z.array(
        z.object({
          partnership: ReminderPartnershipSchema,
          lastActivityOn: z.string().nullable().describe('null: never any activity'),
        }),
      ),
      total: z.number().int(),
    }),
  })
  .meta({ id: 'Reminders' });
export type RemindersView = z.infer<typeof RemindersSchema>;
