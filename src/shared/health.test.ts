import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  FIELD_NAMES,
  HEALTH_RULES,
  type HealthActivity,
  type HealthInput,
  monthsBefore,
  scoreHealth,
  suggestionRank,
  wholeMonths,
  wholeYears,
  yearsBefore,
} from './health.js';

const FIELDS = Object.keys(FIELD_NAMES);
const base = (over: Partial<HealthInput> = {}): HealthInput => ({
  establishedOn: '2010-05-01',
  status: 'active',
  activities: [],
  projects: 0,
  projectsWithOutcomes: 0,
  outcomes: 0,
  asOf: '2025-06-30',
  ...over,
});
const act = (occurredOn: string, over: Partial<HealthActivity> = {}): HealthActivity => ({
  occurredOn,
  type: 'delegation_in',
  fields: [],
  participants: null,
  ...over,
});

describe('date helpers', () => {
  it('counts whole years and months, and steps back over 29 February', () => {
    expect(wholeYears('2010-05-01', '2025-04-30')).toBe(14);
    expect(wholeYears('2010-05-01', '2025-05-01')).toBe(15);
    expect(wholeYears('2025-05-01', '2010-05-01')).toBe(0);
    expect(wholeMonths('2024-01-31', '2024-02-29')).toBe(0);
    expect(wholeMonths('2024-01-15', '2024-03-15')).toBe(2);
    expect(wholeMonths('2024-03-15', '2024-01-15')).toBe(0);
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(yearsBefore('2025-06-30', 5)).toBe('2020-06-30');
  });
});

describe('scoreHealth: each dimension', () => {
  it('length: 5 points a year, full at 20 years, 0 before establishment or when not known', () => {
    expect(scoreHealth(base({ establishedOn: '2015-07-01' })).dimensions.length.score).toBe(45);
    expect(scoreHealth(base({ establishedOn: '1982-01-01' })).dimensions.length.score).toBe(100);
    const before = scoreHealth(base({ establishedOn: '2026-01-01' })).dimensions.length;
    expect(before.score).toBe(0);
    expect(before.explanation.en).toContain('Not yet established on 2025-06-30');
    const unknown = scoreHealth(base({ establishedOn: null })).dimensions.length;
    expect(unknown.score).toBe(0);
    expect(unknown.explanation['zh-CN']).toBe('建立日期不详');
    expect(scoreHealth(base({ establishedOn: '2015-07-01' })).dimensions.length.explanation.en).toBe(
      'Established in 2015: 9 years',
    );
  });

  it('breadth: distinct fields of the last 5 years, 25 points each', () => {
    const h = scoreHealth(
      base({
        activities: [
          act('2024-03-01', { fields: ['education', 'culture'] }),
          act('2023-03-01', { fields: ['culture'] }),
          act('2019-03-01', { fields: ['trade', 'health'] }), // outside the window
        ],
      }),
    );
    expect(h.dimensions.breadth.score).toBe(50);
    expect(h.dimensions.breadth.explanation.en).toBe('2 fields in the last 5 years: culture, education');
    expect(h.dimensions.breadth.explanation['zh-CN']).toBe('近5年涉及 2 个领域：文化、教育');
    const all = scoreHealth(base({ activities: [act('2025-01-01', { fields: [...FIELDS] })] }));
    expect(all.dimensions.breadth.score).toBe(100);
  });

  it('depth: 40 per project with measured outcomes, 15 per project without', () => {
    expect(scoreHealth(base()).dimensions.depth).toEqual({
      score: 0,
      explanation: { 'zh-CN': '没有合作项目', en: 'No cooperation project' },
    });
    const d = scoreHealth(base({ projects: 3, projectsWithOutcomes: 1, outcomes: 4 })).dimensions.depth;
    expect(d.score).toBe(40 + 2 * 15);
    expect(d.explanation.en).toBe('3 projects, 1 with measured outcomes (4 outcomes)');
    expect(scoreHealth(base({ projects: 5, projectsWithOutcomes: 3, outcomes: 9 })).dimensions.depth.score).toBe(100);
    // more projects with outcomes than projects is impossible; it is capped, not trusted
    expect(scoreHealth(base({ projects: 1, projectsWithOutcomes: 4, outcomes: 4 })).dimensions.depth.score).toBe(40);
  });

  it('intensity: √(person-days / 600) of the last 5 years; a missing length counts one day', () => {
    const h = scoreHealth(
      base({
        activities: [
          act('2024-06-01', { participants: 10, days: 5 }), // 50
          act('2022-06-01', { participants: 100 }), // 100
          act('2015-06-01', { participants: 1000, days: 10 }), // outside
        ],
      }),
    );
    expect(h.dimensions.intensity.score).toBe(Math.round(100 * Math.sqrt(150 / 600)));
    expect(h.dimensions.intensity.explanation.en).toBe('110 participants, 150 person-days in the last 5 years');
    expect(
      scoreHealth(base({ activities: [act('2025-01-01', { participants: 60, days: 10 })] })).dimensions.intensity.score,
    ).toBe(100);
  });

  it('frequency: recent years weigh more; 2 weighted activities a year is full', () => {
    const total = HEALTH_RULES.frequencyWeights.reduce((s, w) => s + w, 0);
    const lastYear = scoreHealth(base({ activities: [act('2025-01-01')] })).dimensions.frequency.score;
    const fourYearsAgo = scoreHealth(base({ activities: [act('2021-01-01')] })).dimensions.frequency.score;
    expect(lastYear).toBe(Math.round((100 * (1 / total)) / 2));
    expect(fourYearsAgo).toBe(Math.round((100 * (0.2 / total)) / 2));
    expect(lastYear).toBeGreaterThan(fourYearsAgo);
    const busy = Array.from({ length: 10 }, (_, i) => act(`2025-0${(i % 6) + 1}-0${(i % 9) + 1}`));
    expect(scoreHealth(base({ activities: busy })).dimensions.frequency.score).toBe(100);
  });

  it('says "no activity since 2019" when the last activity is older than the window', () => {
    const h = scoreHealth(base({ activities: [act('2019-09-12'), act('2016-01-01')] }));
    expect(h.dimensions.frequency.score).toBe(0);
    expect(h.dimensions.frequency.explanation.en).toBe('No activity since 2019 (last on 2019-09-12)');
    expect(h.dimensions.frequency.explanation['zh-CN']).toBe('2019年以来没有活动（最近一次 2019-09-12）');
    expect(h.lastActivityOn).toBe('2019-09-12');
  });

  it('ignores activities after the day', () => {
    const h = scoreHealth(base({ asOf: '2020-01-01', activities: [act('2024-01-01', { participants: 50 })] }));
    expect(h.lastActivityOn).toBeNull();
    expect(h.dimensions.frequency.score).toBe(0);
    expect(h.dimensions.intensity.score).toBe(0);
  });
});

describe('scoreHealth: overall and suggestion', () => {
  it('weights sum to 1 and overall is their rounded weighted mean', () => {
    const sum = DIMENSIONS.reduce((s, d) => s + HEALTH_RULES.weights[d], 0);
    expect(sum).toBeCloseTo(1, 10);
    const h = scoreHealth(
      base({
        projects: 1,
        projectsWithOutcomes: 1,
        outcomes: 1,
        activities: [act('2025-03-01', { fields: ['education'], participants: 12, days: 4 })],
      }),
    );
    const expected = DIMENSIONS.reduce((s, d) => s + HEALTH_RULES.weights[d] * h.dimensions[d].score, 0);
    expect(h.overall).toBe(Math.round(expected));
  });

  it('words an activity of this month as within the last month, never "0 months"', () => {
    const recent = Array.from({ length: 12 }, (_, i) =>
      act(`2025-0${(i % 6) + 1}-1${i % 9}`, {
        fields: [FIELDS[i % FIELDS.length] as string],
        participants: 20,
        days: 5,
      }),
    );
    const h = scoreHealth(
      base({ projects: 2, projectsWithOutcomes: 2, outcomes: 3, activities: [...recent, act('2025-06-20')] }),
    );
    expect(h.suggestion).toBe('active');
    expect(h.monthsQuiet).toBe(0);
    expect(h.reason['zh-CN']).toMatch(/^近 1 个月内有活动/);
    expect(h.reason.en).toMatch(/^Activity within the last 1 month,/);
  });

  it('dormant after 36 quiet months, at risk after 18, active when recent and scoring', () => {
    const dormant = scoreHealth(base({ activities: [act('2022-06-29')] }));
    expect(dormant.suggestion).toBe('dormant');
    expect(dormant.monthsQuiet).toBe(36);
    expect(dormant.reason.en).toBe('36 months without activity since the last activity (2022-06-29)');
    expect(scoreHealth(base({ activities: [act('2022-07-01')] })).suggestion).toBe('at_risk');
    expect(scoreHealth(base({ activities: [act('2023-12-30')] })).suggestion).toBe('at_risk');
    const active = scoreHealth(
      base({
        activities: [
          act('2025-05-01', { fields: ['education', 'culture'], participants: 30, days: 6 }),
          act('2024-10-01', { fields: ['trade'] }),
        ],
      }),
    );
    expect(active.overall).toBeGreaterThanOrEqual(HEALTH_RULES.atRiskBelowOverall);
    expect(active.suggestion).toBe('active');
  });

  it('a recent but thin pair is at risk; a young pair is not judged by its scores', () => {
    const thin = scoreHealth(base({ establishedOn: '2020-01-01', activities: [act('2025-05-01')] }));
    expect(thin.overall).toBeLessThan(HEALTH_RULES.atRiskBelowOverall);
    expect(thin.suggestion).toBe('at_risk');
    expect(thin.reason.en).toContain('below 25');
    const young = scoreHealth(base({ establishedOn: '2025-01-01' }));
    expect(young.suggestion).toBe('active');
    expect(young.reason.en).toContain('Established less than 18 months ago');
  });

  it('a pair never heard of again is dormant from its establishment; with nothing known it is dormant', () => {
    const h = scoreHealth(base({ establishedOn: '1995-01-01' }));
    expect(h.suggestion).toBe('dormant');
    expect(h.reason['zh-CN']).toContain('自建立（1995-01-01）');
    const nothing = scoreHealth(base({ establishedOn: null }));
    expect(nothing.suggestion).toBe('dormant');
    expect(nothing.monthsQuiet).toBeNull();
  });
});

// --- properties ---

const dayArb = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const activityArb: fc.Arbitrary<HealthActivity> = fc.record({
  occurredOn: dayArb,
  type: fc.constantFrom('delegation_in', 'delegation_out', 'visit', 'event', 'letter'),
  fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { maxLength: 4 }),
  participants: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
  days: fc.option(fc.integer({ min: 1, max: 366 }), { nil: null }),
});
const inputArb: fc.Arbitrary<HealthInput> = fc
  .record({
    establishedOn: fc.option(dayArb, { nil: null }),
    status: fc.constantFrom('active', 'dormant', 'ended'),
    activities: fc.array(activityArb, { maxLength: 25 }),
    projects: fc.integer({ min: 0, max: 8 }),
    withOutcomes: fc.integer({ min: 0, max: 8 }),
    outcomes: fc.integer({ min: 0, max: 30 }),
    asOf: dayArb,
  })
  .map(({ withOutcomes, ...r }) => ({ ...r, projectsWithOutcomes: Math.min(withOutcomes, r.projects) }));

describe('scoreHealth: properties', () => {
  it('every score is an integer within 0–100 and every sentence is there in both languages', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const h = scoreHealth(input);
        for (const d of DIMENSIONS) {
          const { score, explanation } = h.dimensions[d];
          expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
          expect(explanation['zh-CN'].length).toBeGreaterThan(0);
          expect(explanation.en.length).toBeGreaterThan(0);
        }
        expect(Number.isInteger(h.overall) && h.overall >= 0 && h.overall <= 100).toBe(true);
        expect(h.reason['zh-CN'].length && h.reason.en.length).toBeTruthy();
      }),
    );
  });

  it('is deterministic and does not depend on the order of activities', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, activities: [...input.activities].reverse() };
        expect(scoreHealth(reversed)).toEqual(scoreHealth(input));
        expect(scoreHealth(input)).toEqual(scoreHealth(structuredClone(input)));
      }),
    );
  });

  it('adding an activity never lowers frequency, breadth, intensity or overall, nor worsens the suggestion', () => {
    fc.assert(
      fc.property(inputArb, activityArb, (input, extra) => {
        const before = scoreHealth(input);
        const after = scoreHealth({ ...input, activities: [...input.activities, extra] });
        for (const d of ['frequency', 'breadth', 'intensity'] as const) {
          expect(after.dimensions[d].score).toBeGreaterThanOrEqual(before.dimensions[d].score);
        }
        expect(after.dimensions.length.score).toBe(before.dimensions.length.score);
        expect(after.dimensions.depth.score).toBe(before.dimensions.depth.score);
        expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        expect(suggestionRank(after.suggestion)).toBeLessThanOrEqual(suggestionRank(before.suggestion));
      }),
    );
  });

  it('an activity after the day changes nothing', () => {
    fc.assert(
      fc.property(inputArb, activityArb, (input, extra) => {
        fc.pre(extra.occurredOn > input.asOf);
        expect(scoreHealth({ ...input, activities: [...input.activities, extra] })).toEqual(scoreHealth(input));
      }),
    );
  });

  it('as of a day before establishment, length is 0', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.establishedOn !== null && input.asOf < input.establishedOn);
        expect(scoreHealth(input).dimensions.length.score).toBe(0);
      }),
    );
  });

  it('length never falls as the day moves on; a project with outcomes never lowers depth', () => {
    fc.assert(
      fc.property(inputArb, dayArb, (input, later) => {
        fc.pre(later >= input.asOf);
        const a = scoreHealth(input).dimensions.length.score;
        const b = scoreHealth({ ...input, asOf: later }).dimensions.length.score;
        expect(b).toBeGreaterThanOrEqual(a);
        const deeper = scoreHealth({
          ...input,
          projects: input.projects + 1,
          projectsWithOutcomes: input.projectsWithOutcomes + 1,
          outcomes: input.outcomes + 1,
        });
        expect(deeper.dimensions.depth.score).toBeGreaterThanOrEqual(scoreHealth(input).dimensions.depth.score);
      }),
    );
  });

  it('n whole months have passed exactly when the earlier day is on or before monthsBefore(day, n)', () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.integer({ min: 0, max: 120 }), (from, to, n) => {
        expect(wholeMonths(from, to) >= n).toBe(from <= monthsBefore(to, n) || (n === 0 && from > to));
      }),
    );
    expect(monthsBefore('2025-05-31', 3)).toBe('2025-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2025-01-15', 36)).toBe('2022-01-15');
  });

  it('status does not change the scores: health is read from the records, not from what is claimed', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('active', 'dormant', 'ended'), (input, status) => {
        expect(scoreHealth({ ...input, status })).toEqual(scoreHealth(input));
      }),
    );
  });
});
