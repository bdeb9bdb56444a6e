/**
 * The health of a partnership on a day: five dimensions scored 0–100, an overall score, a sentence
 * per dimension in both languages, and a suggested status. Pure: the same input always gives the same
 * output, nothing is read from the clock or the database. The formula is documented in docs/health.md;
 * every constant it uses is in HEALTH_RULES below.
 *
 * - length: whole years from establishment to the day, 5 points a year, full at 20 years;
 * - breadth: distinct fields of the activities of the last 5 years, 25 points each, full at 4;
 * - depth: linked projects, 40 points for each with a measured outcome, 15 for each without, full at 100;
 * - intensity: person-days (participants × days, a day when not known) of the last 5 years,
 *   100 × √(person-days / 600), full at 600;
 * - frequency: activities of the last 5 years weighted by age (the last 12 months 1, then 0.8, 0.6,
 *   0.4, 0.2) per year of weight (3), 50 points per weighted activity a year, full at 2 a year.
 *
 * overall = 10% length + 20% breadth + 20% depth + 15% intensity + 35% frequency, rounded.
 * suggestion: dormant when nothing happened for 36 months (counting from the last activity, or from
 * establishment when that is later); at risk after 18 months, or with an overall score below 25 once
 * the pair is 18 months old; otherwise active. Activities after the day are ignored, so a figure for a past day is what it was.
 */
import type { Language } from './messages.js';

export const DIMENSIONS = ['length', 'breadth', 'depth', 'intensity', 'frequency'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SUGGESTIONS = ['active', 'at_risk', 'dormant'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

export const HEALTH_RULES = {
  /** Years of the recent window that breadth, intensity and frequency look at. */
  windowYears: 5,
  lengthPointsPerYear: 5,
  breadthPointsPerField: 25,
  depthPointsWithOutcome: 40,
  depthPointsWithoutOutcome: 15,
  /** Person-days of the window that give a full intensity score. */
  intensityFullPersonDays: 600,
  /** Weight of an activity by its age in whole years (index 0: the last 12 months). */
  frequencyWeights: [1, 0.8, 0.6, 0.4, 0.2],
  /** Weighted activities a year that give a full frequency score. */
  frequencyFullPerYear: 2,
  weights: { length: 0.1, breadth: 0.2, depth: 0.2, intensity: 0.15, frequency: 0.35 } satisfies Record<
    Dimension,
    number
  >,
  dormantAfterMonths: 36,
  atRiskAfterMonths: 18,
  atRiskBelowOverall: 25,
} as const;

/** Names of the fields of cooperation (FIELDS in enums.ts), for the sentences. */
export const FIELD_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  agriculture: { 'zh-CN': '农业', en: 'agriculture' },
  media: { 'zh-CN': '媒体', en: 'media' },
  education: { 'zh-CN': '教育', en: 'education' },
  health: { 'zh-CN': '卫生健康', en: 'health' },
  trade: { 'zh-CN': '经贸', en: 'trade' },
  culture: { 'zh-CN': '文化', en: 'culture' },
  tourism: { 'zh-CN': '旅游', en: 'tourism' },
  science: { 'zh-CN': '科技', en: 'science' },
  governance: { 'zh-CN': '治理', en: 'governance' },
  youth: { 'zh-CN': '青少年', en: 'youth' },
  sports: { 'zh-CN': '体育', en: 'sports' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export type HealthActivity = {
  /** YYYY-MM-DD */
  occurredOn: string;
  type: string;
  fields: readonly string[];
  participants: number | null;
  days?: number | null;
};

export type HealthInput = {
  /** YYYY-MM-DD, the first day of its period for a partial date; null when not known. */
  establishedOn: string | null;
  status: string;
  activities: readonly HealthActivity[];
  /** Projects linked to the partnership that had started by the day (or have no start date). */
  projects: number;
  /** Of those, the projects with at least one outcome measured on or before the day. */
  projectsWithOutcomes: number;
  /** Outcomes measured on or before the day, over all linked projects. */
  outcomes: number;
  /** YYYY-MM-DD */
  asOf: string;
};

export type Bilingual = Record<Language, string>;
export type DimensionScore = { score: number; explanation: Bilingual };

export type Health = {
  asOf: string;
  dimensions: Record<Dimension, DimensionScore>;
  overall: number;
  suggestion: Suggestion;
  /** Why the suggestion, in both languages. */
  reason: Bilingual;
  /** The last activity on or before the day, if any. */
  lastActivityOn: string | null;
  /** Whole months since the last activity (or establishment when there is none); null when neither is known. */
  monthsQuiet: number | null;
};

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** The same day `years` years earlier (29 February becomes 28 February). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whole years from one day to a later one (0 when `to` is earlier). */
export function wholeYears(from: string, to: string): number {
  if (to < from) return 0;
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years -= 1;
  return Math.max(0, years);
}

/** Whole months from one day to a later one (0 when `to` is earlier). */
export function wholeMonths(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}

/** The same day `months` months earlier, or the last day of that month when it is shorter. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Age bucket of an activity: 0 for the last 12 months up to the day, … windowYears-1; -1 outside. */
function ageBucket(occurredOn: string, asOf: string): number {
  if (occurredOn > asOf) return -1;
  for (let k = 0; k < HEALTH_RULES.windowYears; k += 1) {
    if (occurredOn > yearsBefore(asOf, k + 1)) return k;
  }
  return -1;
}

const both = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function scoreLength(input: HealthCounts): DimensionScore {
  const est = input.establishedOn;
  if (!est) return { score: 0, explanation: both('建立日期不详', 'Date of establishment not known') };
  if (est > input.asOf) {
    return {
      score: 0,
      explanation: both(
        `${input.asOf} 时尚未建立（${est.slice(0, 4)}年建立）`,
        `Not yet established on ${input.asOf} (established ${est.slice(0, 4)})`,
      ),
    };
  }
  const years = wholeYears(est, input.asOf);
  return {
    score: clamp(years * HEALTH_RULES.lengthPointsPerYear),
    explanation: both(
      `${est.slice(0, 4)}年建立，已 ${years} 年`,
      `Established in ${est.slice(0, 4)}: ${plural(years, 'year', 'years')}`,
    ),
  };
}

function scoreBreadth(summary: ActivitySummary): DimensionScore {
  const fields = [...new Set(summary.fields)].sort();
  const w = HEALTH_RULES.windowYears;
  if (fields.length === 0) {
    return {
      score: 0,
      explanation: both(`近${w}年的活动未记录合作领域`, `No field of cooperation recorded in the last ${w} years`),
    };
  }
  const zh = fields.map((f) => FIELD_NAMES[f]?.['zh-CN'] ?? f).join('、');
  const en = fields.map((f) => FIELD_NAMES[f]?.en ?? f).join(', ');
  return {
    score: clamp(fields.length * HEALTH_RULES.breadthPointsPerField),
    explanation: both(
      `近${w}年涉及 ${fields.length} 个领域：${zh}`,
      `${plural(fields.length, 'field', 'fields')} in the last ${w} years: ${en}`,
    ),
  };
}

function scoreDepth(input: HealthCounts): DimensionScore {
  const projects = Math.max(0, input.projects);
  const measured = Math.max(0, Math.min(projects, input.projectsWithOutcomes));
  const score = clamp(
    measured * HEALTH_RULES.depthPointsWithOutcome + (projects - measured) * HEALTH_RULES.depthPointsWithoutOutcome,
  );
  if (projects === 0) return { score, explanation: both('没有合作项目', 'No cooperation project') };
  if (measured === 0) {
    return {
      score,
      explanation: both(
        `${projects} 个项目，均无可衡量的成效`,
        `${plural(projects, 'project', 'projects')}, none with measured outcomes`,
      ),
    };
  }
  return {
    score,
    explanation: both(
      `${projects} 个项目，其中 ${measured} 个有可衡量的成效（共 ${input.outcomes} 项）`,
      `${plural(projects, 'project', 'projects')}, ${measured} with measured outcomes (${plural(input.outcomes, 'outcome', 'outcomes')})`,
    ),
  };
}

function scoreIntensity(summary: ActivitySummary): DimensionScore {
  const w = HEALTH_RULES.windowYears;
  if (summary.participants === 0) {
    return { score: 0, explanation: both(`近${w}年未记录参与人数`, `No participants recorded in the last ${w} years`) };
  }
  return {
    score: clamp(100 * Math.sqrt(summary.personDays / HEALTH_RULES.intensityFullPersonDays)),
    explanation: both(
      `近${w}年参与 ${summary.participants} 人次，共 ${summary.personDays} 人·天`,
      `${plural(summary.participants, 'participant', 'participants')}, ${summary.personDays} person-days in the last ${w} years`,
    ),
  };
}

function scoreFrequency(summary: ActivitySummary): DimensionScore {
  const weights = HEALTH_RULES.frequencyWeights;
  const totalWeight = weights.reduce((s, x) => s + x, 0);
  let weighted = 0;
  let recent = 0;
  summary.byAge.forEach((n, k) => {
    weighted += n * (weights[k] ?? 0);
    recent += n;
  });
  const lastYear = summary.byAge[0] ?? 0;
  const perYear = weighted / totalWeight;
  const score = clamp((100 * perYear) / HEALTH_RULES.frequencyFullPerYear);
  const w = HEALTH_RULES.windowYears;
  const last = summary.lastActivityOn;
  if (!last) return { score, explanation: both('没有记录任何活动', 'No activity recorded') };
  if (recent === 0) {
    return {
      score,
      explanation: both(
        `${last.slice(0, 4)}年以来没有活动（最近一次 ${last}）`,
        `No activity since ${last.slice(0, 4)} (last on ${last})`,
      ),
    };
  }
  return {
    score,
    explanation: both(
      `近${w}年 ${recent} 次活动，近12个月 ${lastYear} 次；最近一次 ${last}`,
      `${plural(recent, 'activity', 'activities')} in the last ${w} years, ${lastYear} in the last 12 months; last on ${last}`,
    ),
  };
}

function suggest(
  input: HealthCounts,
  overall: number,
  last: string | null,
): { suggestion: Suggestion; reason: Bilingual; monthsQuiet: number | null } {
  const established = input.establishedOn && input.establishedOn <= input.asOf ? input.establishedOn : null;
  const since = last && established ? (last > established ? last : established) : (last ?? established);
  const r = HEALTH_RULES;
  if (!since) {
    return {
      suggestion: 'dormant',
      reason: both('没有活动记录，建立日期不详', 'No activity recorded and the date of establishment is not known'),
      monthsQuiet: null,
    };
  }
  const months = wholeMonths(since, input.asOf);
  const what = last ? both('最近一次活动', 'the last activity') : both('建立', 'establishment');
  if (months >= r.dormantAfterMonths) {
    return {
      suggestion: 'dormant',
      reason: both(
        `自${what['zh-CN']}（${since}）已 ${months} 个月没有活动`,
        `${plural(months, 'month', 'months')} without activity since ${what.en} (${since})`,
      ),
      monthsQuiet: months,
    };
  }
  if (months >= r.atRiskAfterMonths) {
    return {
      suggestion: 'at_risk',
      reason: both(
        `自${what['zh-CN']}（${since}）已 ${months} 个月没有活动`,
        `${plural(months, 'month', 'months')} without activity since ${what.en} (${since})`,
      ),
      monthsQuiet: months,
    };
  }
  // A young pair is not judged by its scores: length and the windows have had no time to fill.
  const ageMonths = established ? wholeMonths(established, input.asOf) : Number.POSITIVE_INFINITY;
  if (overall < r.atRiskBelowOverall && ageMonths >= r.atRiskAfterMonths) {
    return {
      suggestion: 'at_risk',
      reason: both(
        `综合得分 ${overall}，低于 ${r.atRiskBelowOverall}`,
        `Overall score ${overall} is below ${r.atRiskBelowOverall}`,
      ),
      monthsQuiet: months,
    };
  }
  return {
    suggestion: 'active',
    reason: both(
      last
        ? `近 ${Math.max(months, 1)} 个月内有活动，综合得分 ${overall}`
        : `建立不足 ${r.atRiskAfterMonths} 个月，综合得分 ${overall}`,
      last
        ? `Activity within the last ${plural(Math.max(months, 1), 'month', 'months')}, overall score ${overall}`
        : `Established less than ${r.atRiskAfterMonths} months ago, overall score ${overall}`,
    ),
    monthsQuiet: months,
  };
}

/** What the scores need from the activities: the same whether counted here or by the database. */
export type ActivitySummary = {
  /** The last activity on or before the day. */
  lastActivityOn: string | null;
  /** Activities by age in whole years before the day: [last 12 months, the 12 before, …], windowYears long. */
  byAge: number[];
  /** Distinct fields of the activities of the window. */
  fields: string[];
  /** Participants of the activities of the window. */
  participants: number;
  /** Participants × days (a day when not known) of the activities of the window. */
  personDays: number;
};

/** The window's boundaries: an activity on day d is of age k when bounds[k+1] < d <= bounds[k]. */
export function ageBounds(asOf: string): string[] {
  return Array.from({ length: HEALTH_RULES.windowYears + 1 }, (_, k) => yearsBefore(asOf, k));
}

export function summarizeActivities(activities: readonly HealthActivity[], asOf: string): ActivitySummary {
  const summary: ActivitySummary = {
    lastActivityOn: null,
    byAge: Array.from({ length: HEALTH_RULES.windowYears }, () => 0),
    fields: [],
    participants: 0,
    personDays: 0,
  };
  const fields = new Set<string>();
  for (const a of activities) {
    if (a.occurredOn > asOf) continue;
    if (!summary.lastActivityOn || a.occurredOn > summary.lastActivityOn) summary.lastActivityOn = a.occurredOn;
    const k = ageBucket(a.occurredOn, asOf);
    if (k < 0) continue;
    summary.byAge[k] = (summary.byAge[k] ?? 0) + 1;
    for (const f of a.fields) fields.add(f);
    const p = a.participants && a.participants > 0 ? a.participants : 0;
    summary.participants += p;
    summary.personDays += p * (a.days && a.days > 0 ? a.days : 1);
  }
  summary.fields = [...fields].sort();
  return summary;
}

/** Everything but the activities: establishment, status, projects and the day. */
export type HealthCounts = Omit<HealthInput, 'activities'>;

/** The health from counts and an activity summary (how the database-backed lists score in bulk). */
export function scoreSummary(input: HealthCounts, summary: ActivitySummary): Health {
  const dimensions: Record<Dimension, DimensionScore> = {
    length: scoreLength(input),
    breadth: scoreBreadth(summary),
    depth: scoreDepth(input),
    intensity: scoreIntensity(summary),
    frequency: scoreFrequency(summary),
  };
  const overall = clamp(DIMENSIONS.reduce((s, d) => s + HEALTH_RULES.weights[d] * dimensions[d].score, 0));
  const last = summary.lastActivityOn;
  const { suggestion, reason, monthsQuiet } = suggest(input, overall, last);
  return { asOf: input.asOf, dimensions, overall, suggestion, reason, lastActivityOn: last, monthsQuiet };
}

/** The health of one partnership on `input.asOf`. */
export function scoreHealth(input: HealthInput): Health {
  const { activities, ...counts } = input;
  return scoreSummary(counts, summarizeActivities(activities, input.asOf));
}

/** Orders suggestions from the healthiest: active < at_risk < dormant. */
export function suggestionRank(s: Suggestion): number {
  return SUGGESTIONS.indexOf(s);
}
