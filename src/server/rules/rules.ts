/**
 * The activity rules an office sets, as pure functions: which rules apply to a record (the nearest
 * scope above its division) and which of them the record breaks. Flags are computed on every read,
 * never stored, so a change of rules shows at once on every record; rules.repo.ts holds the same
 * checks in SQL for listing "activities that break a rule", and a property test keeps the two equal.
 */
import { type ActivityType, DELEGATION_TYPES, NATIONAL_CODE } from '../../shared/enums.js';
import type { FlagView } from '../../shared/schemas/activity-view.js';
import type { OfficeRules } from '../../shared/schemas/rules.js';

/** What the rules look at in an activity and its primary partnership. */
export type RuleSubject = {
  type: ActivityType | string;
  occurredOn: string;
  participants: number | null;
  days: number | null;
  approvalRef: string | null;
  anniversary: boolean;
  /** The partnership's signing date (its first day when only a year or month is known). */
  establishedOn: string | null;
};

/**
 * Scopes whose rules may apply to a division, nearest first: the division, its prefecture, its
 * province, the nation. Within one line of descent a nearer code is always the larger number.
 */
export function scopesAbove(division: { code: string; prefectureCode: string | null; provinceCode: string }): string[] {
  const chain = [division.code, division.prefectureCode, division.provinceCode, NATIONAL_CODE];
  return [...new Set(chain.filter((c): c is string => !!c))];
}

/** The rules of the nearest scope that has any, else the defaults. */
export function effectiveRules(
  scopes: readonly string[],
  byScope: ReadonlyMap<string, OfficeRules>,
  defaults: OfficeRules,
): { scopeCode: string; rules: OfficeRules } {
  for (const code of scopes) {
    const rules = byScope.get(code);
    if (rules) return { scopeCode: code, rules };
  }
  return { scopeCode: NATIONAL_CODE, rules: defaults };
}

/** Which anniversary of the signing a date falls on, counted in calendar years (0 in the signing year). */
export function anniversaryNumber(establishedOn: string, occurredOn: string): number {
  return Number(occurredOn.slice(0, 4)) - Number(establishedOn.slice(0, 4));
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st… (0th and negatives read as numbers too). */
export function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const ones = Math.abs(n) % 10;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ones === 1 ? 'st' : ones === 2 ? 'nd' : ones === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function isDelegation(type: string): boolean {
  return (DELEGATION_TYPES as readonly string[]).includes(type);
}

/** The rules a record breaks, in RULE_CODES order. */
export function evaluateRules(subject: RuleSubject, rules: OfficeRules, scopeCode: string): FlagView[] {
  const flags: FlagView[] = [];
  const appliesToDelegation = (rules.delegationTypes as readonly string[]).includes(subject.type);
  if (appliesToDelegation) {
    const size = rules.maxDelegationSize;
    if (size !== null && subject.participants !== null && subject.participants > size) {
      flags.push({
        rule: 'delegation_size',
        value: subject.participants,
        limit: size,
        scopeCode,
        message: {
          'zh-CN': `团组 ${subject.participants} 人，超过规定上限 ${size} 人`,
          en: `Delegation of ${subject.participants} people; the limit is ${size}`,
        },
      });
    }
    const days = rules.maxDelegationDays;
    if (days !== null && subject.days !== null && subject.days > days) {
      flags.push({
        rule: 'delegation_days',
        value: subject.days,
        limit: days,
        scopeCode,
        message: {
          'zh-CN': `在外 ${subject.days} 天，超过规定上限 ${days} 天`,
          en: `${subject.days} days; the limit is ${days}`,
        },
      });
    }
    if (rules.approvalRequired && !subject.approvalRef?.trim()) {
      flags.push({
        rule: 'approval_required',
        value: null,
        limit: null,
        scopeCode,
        message: {
          'zh-CN': '缺少审批文号（本单位要求团组须经审批）',
          en: 'No approval reference; delegations need approval',
        },
      });
    }
  }
  const every = rules.anniversaryEveryYears;
  if (subject.anniversary && every !== null && subject.establishedOn) {
    const n = anniversaryNumber(subject.establishedOn, subject.occurredOn);
    if (n <= 0 || n % every !== 0) {
      flags.push({
        rule: 'anniversary_interval',
        value: n,
        limit: every,
        scopeCode,
        message: {
          'zh-CN': `第 ${n} 周年纪念活动；实质性周年活动只在每 ${every} 年（第 ${every}、${every * 2}… 周年）举办`,
          en: `Event for the ${ordinal(n)} anniversary; substantive anniversary events only every ${every} years (${ordinal(every)}, ${ordinal(every * 2)}…)`,
        },
      });
    }
  }
  return flags;
}
