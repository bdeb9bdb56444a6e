import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type OfficeRules } from '../../shared/schemas/rules.js';
import { anniversaryNumber, effectiveRules, evaluateRules, ordinal, type RuleSubject, scopesAbove } from './rules.js';

const HUNAN: OfficeRules = {
  maxDelegationSize: 6,
  maxDelegationDays: 5,
  approvalRequired: true,
  delegationTypes: ['delegation_out'],
  anniversaryEveryYears: 10,
};

const delegation = (over: Partial<RuleSubject> = {}): RuleSubject => ({
  type: 'delegation_out',
  occurredOn: '2023-05-10',
  participants: 6,
  days: 5,
  approvalRef: '湘外办〔2023〕12号',
  anniversary: false,
  establishedOn: '2013-06-01',
  ...over,
});

const rulesOf = (subject: RuleSubject, rules: OfficeRules = HUNAN) =>
  evaluateRules(subject, rules, '430000').map((f) => f.rule);

describe('activity rules', () => {
  it('lets a delegation at the limits pass and flags one over each', () => {
    expect(rulesOf(delegation())).toEqual([]);
    expect(rulesOf(delegation({ participants: 7 }))).toEqual(['delegation_size']);
    expect(rulesOf(delegation({ days: 6 }))).toEqual(['delegation_days']);
    expect(rulesOf(delegation({ approvalRef: null }))).toEqual(['approval_required']);
    expect(rulesOf(delegation({ approvalRef: '' }))).toEqual(['approval_required']);
    expect(rulesOf(delegation({ participants: 12, days: 9, approvalRef: null }))).toEqual([
      'delegation_size',
      'delegation_days',
      'approval_required',
    ]);
  });

  it('names the value, the limit and the scope, in both languages', () => {
    const [flag] = evaluateRules(delegation({ participants: 12 }), HUNAN, '430000');
    expect(flag).toMatchObject({ rule: 'delegation_size', value: 12, limit: 6, scopeCode: '430000' });
    expect(flag?.message['zh-CN']).toContain('12 人');
    expect(flag?.message.en).toContain('limit is 6');
  });

  it('checks only the delegation types the office names, and nothing it left unknown or unset', () => {
    expect(rulesOf(delegation({ type: 'delegation_in', participants: 40, approvalRef: null }))).toEqual([]);
    expect(
      rulesOf(delegation({ type: 'delegation_in', participants: 40 }), {
        ...HUNAN,
        delegationTypes: ['delegation_out', 'delegation_in'],
      }),
    ).toEqual(['delegation_size']);
    expect(rulesOf(delegation({ type: 'visit', participants: 40, approvalRef: null }))).toEqual([]);
    expect(rulesOf(delegation({ participants: null, days: null }))).toEqual([]);
    expect(rulesOf(delegation({ participants: 99, days: 99, approvalRef: null }), DEFAULT_RULES)).toEqual([]);
  });

  it('allows a substantive anniversary event only on the 10th, 20th… anniversary', () => {
    const event = (occurredOn: string, establishedOn: string | null = '2013-06-01') =>
      rulesOf({ ...delegation({ type: 'event', occurredOn, establishedOn }), anniversary: true });
    expect(event('2023-06-20')).toEqual([]);
    expect(event('2033-01-02')).toEqual([]);
    expect(event('2018-06-01')).toEqual(['anniversary_interval']);
    expect(event('2013-09-01')).toEqual(['anniversary_interval']);
    expect(event('2012-09-01')).toEqual(['anniversary_interval']);
    expect(event('2018-06-01', null)).toEqual([]);
    // Not marked as an anniversary event: not checked.
    expect(rulesOf(delegation({ type: 'event', occurredOn: '2018-06-01' }))).toEqual([]);
    const [flag] = evaluateRules(
      { ...delegation({ type: 'event', occurredOn: '2018-06-01' }), anniversary: true },
      HUNAN,
      '430000',
    );
    expect(flag).toMatchObject({ value: 5, limit: 10 });
    expect(flag?.message.en).toContain('5th anniversary');
  });

  it('counts anniversaries in calendar years and writes English ordinals', () => {
    expect(anniversaryNumber('2013-12-31', '2023-01-01')).toBe(10);
    expect(anniversaryNumber('2013-01-01', '2013-12-31')).toBe(0);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });

  it('takes the rules of the nearest scope that has any: county, city, province, nation, defaults', () => {
    const county = { code: '430102', prefectureCode: '430100', provinceCode: '430000' };
    expect(scopesAbove(county)).toEqual(['430102', '430100', '430000', '000000']);
    expect(scopesAbove({ code: '430100', prefectureCode: '430100', provinceCode: '430000' })).toEqual([
      '430100',
      '430000',
      '000000',
    ]);
    const chain = scopesAbove(county);
    const tight = { ...HUNAN, maxDelegationSize: 3 };
    const national = { ...DEFAULT_RULES, approvalRequired: true };
    expect(effectiveRules(chain, new Map(), DEFAULT_RULES)).toEqual({ scopeCode: '000000', rules: DEFAULT_RULES });
    expect(effectiveRules(chain, new Map([['000000', national]]), DEFAULT_RULES).rules).toBe(national);
    const byScope = new Map([
      ['000000', national],
      ['430000', HUNAN],
    ]);
    expect(effectiveRules(chain, byScope, DEFAULT_RULES)).toEqual({ scopeCode: '430000', rules: HUNAN });
    byScope.set('430100', tight);
    expect(effectiveRules(chain, byScope, DEFAULT_RULES)).toEqual({ scopeCode: '430100', rules: tight });
    // Rules of another city never apply.
    expect(effectiveRules(chain, new Map([['430200', tight]]), DEFAULT_RULES).scopeCode).toBe('000000');
  });

  it('nearer scopes are larger codes along a line of descent (the SQL picks the largest)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 11, max: 65 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        (pp, cc, dd) => {
          const two = (n: number) => String(n).padStart(2, '0');
          const division = {
            code: `${pp}${two(cc)}${two(dd)}`,
            prefectureCode: `${pp}${two(cc)}00`,
            provinceCode: `${pp}0000`,
          };
          const chain = scopesAbove(division);
          expect([...chain].sort().reverse()).toEqual(chain);
        },
      ),
    );
  });
});
