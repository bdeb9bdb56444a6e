/** Inputs of the annual work report: the API, the CLI and the web page ask with the same fields. */
import { z } from 'zod';
import { DaySchema } from './partnership.js';

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGUAGES = ['zh', 'en'] as const;

export const ReportQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430000, or 000000 for the whole country')
    .describe('GB/T 2260 code of a province, prefecture or county; 000000 for the whole country'),
  asOf: DaySchema.optional().describe('The day the report is for (YYYY-MM-DD); today (UTC) when omitted'),
  since: z
    .string()
    .regex(/^\d{4}$/, 'a year such as 2018')
    .optional()
    .describe('Count the new pairs and the Belt and Road partners established since this year'),
  lang: z.enum(REPORT_LANGUAGES).default('zh').describe('zh (简体中文) | en'),
  format: z.enum(REPORT_FORMATS).default('html').describe('docx | pdf | html | md'),
  compare: DaySchema.optional().describe("Put this day's figures beside the report's, with the changes worded"),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
