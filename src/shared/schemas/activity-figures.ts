/**
 * The figures of what partnerships do: activities per year by type and by field, delegations in and
 * out, pairs by suggested health status, and outcome totals by field and SDG — each with its as-of
 * day and the API path of the records behind it. Used by the API, the CLI and the dashboard.
 */
import { z } from 'zod';
import { DaySchema } from './partnership.js';

export const ActivityFiguresQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000, or 000000 for the whole country')
    .describe('GB/T 2260 code of a province, prefecture or county; 000000 for the whole country'),
  asOf: DaySchema.optional().describe('The day the figures are for (YYYY-MM-DD); today (UTC) when omitted'),
  years: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe('How many calendar years to show, the year of asOf the last'),
});
export type ActivityFiguresQuery = z.infer<typeof ActivityFiguresQuerySchema>;

const count = z.number().int().min(0);
const records = z.string().describe('API path listing the records behind this number');

const OutcomeTotalSchema = z.object({
  key: z.string().describe('The field, or the goal number'),
  unit: z.string(),
  total: z.number(),
  outcomes: count,
  projects: count,
  demo: count.describe('Illustrative outcomes among those counted'),
  records,
});

export const ActivityFiguresSchema = z
  .object({
    scope: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    asOf: z.string().describe('YYYY-MM-DD'),
    years: z.array(z.number().int()).describe('The calendar years shown, oldest first'),
    activities: z.object({
      total: count.describe('Activities of the years shown, up to asOf'),
      records,
      byYearType: z.array(z.object({ year: z.number().int(), type: z.string(), count, records })),
      byYearField: z
        .array(z.object({ year: z.number().int(), field: z.string(), count, records }))
        .describe('An activity in several fields counts in each'),
    }),
    delegations: z.object({
      in: z.object({ count, participants: count, records }),
      out: z.object({ count, participants: count, records }),
      byYear: z.array(
        z.object({
          year: z.number().int(),
          direction: z.enum(['in', 'out']),
          count,
          participants: count.describe('People in the delegations whose size is recorded'),
        }),
      ),
    }),
    health: z
      .object({
        measured: count.describe('Pairs whose health is measured: signed, existing on asOf'),
        active: count,
        at_risk: count,
        dormant: count,
        dormantOnPaper: count.describe('Recorded active, suggested dormant'),
        records: z.record(z.string(), records).describe('Per suggestion, and dormantOnPaper'),
      })
      .describe('Pairs by suggested status (docs/health.md); every kind'),
    outcomes: z.object({
      byField: z.array(OutcomeTotalSchema),
      bySdg: z.array(OutcomeTotalSchema).describe('A project tagged with several goals counts under each'),
    }),
  })
  .meta({ id: 'ActivityFigures' });
export type ActivityFigures = z.infer<typeof ActivityFiguresSchema>;
