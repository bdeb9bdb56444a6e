import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalog';
import type { ActivityRecord } from './activity-api';
import {
  activityQuery,
  sizeKeys,
  toActivityFormValues,
  toActivityInput,
  validateActivitySearch,
} from './activity-model';

describe('activity list address', () => {
  it('keeps known filters and drops the rest', () => {
    expect(
      validateActivitySearch({
        type: 'delegation_out,party,delegation_out',
        field: 'trade',
        flagged: 'true',
        rule: 'delegation_size,nonsense',
        from: '2023-02-30',
        to: '2024-01-01',
        page: '0',
      }),
    ).toEqual({
      scope: undefined,
      asOf: undefined,
      type: ['delegation_out'],
      field: ['trade'],
      rule: ['delegation_size'],
      flagged: 'true',
      from: undefined,
      to: '2024-01-01',
      page: undefined,
    });
  });

  it('asks for the scope’s activities up to the earlier of the as-of day and the end of the range', () => {
    expect(activityQuery({ asOf: '2023-06-01', to: '2024-01-01' }, '430000')).toMatchObject({
      cn: '430000',
      to: '2023-06-01',
    });
    expect(activityQuery({ to: '2020-01-01' }, '000000')).toMatchObject({ cn: undefined, to: '2020-01-01' });
  });
});

describe('activity form', () => {
  const values = {
    partnershipId: 4,
    partnershipIds: [4, 9],
    type: 'delegation_out',
    occurredOn: '2024-03-18',
    titleZh: ' 出访 ',
    leader: '张三',
    participants: 9,
    days: 7,
    approvalRef: '',
    costSharing: 'each_own',
    fields: ['trade'],
    sources: [' https://example.org ', ''],
  };

  it('turns the values into the API input, dropping blanks and the primary from the further partnerships', () => {
    const result = toActivityInput(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      partnershipId: 4,
      partnershipIds: [9],
      titleZh: '出访',
      titleEn: null,
      approvalRef: null,
      participants: 9,
      sources: ['https://example.org'],
    });
  });

  it('keeps delegation details only for delegations', () => {
    const result = toActivityInput({ ...values, type: 'letter' }, 3);
    expect(result.ok && result.input).toMatchObject({ version: 3, leader: null, costSharing: null, participants: 9 });
  });

  it('reports the fields the API schema refuses, by path', () => {
    const result = toActivityInput({ ...values, titleZh: '', occurredOn: '2024-02-30', participants: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('occurredOn');
    expect(paths).toContain('participants');
  });

  it('reads a record back into the same values', () => {
    const record = {
      id: 1,
      partnershipId: 4,
      partnershipIds: [4, 9],
      partnerships: [],
      type: 'delegation_out',
      occurredOn: '2024-03-18',
      titleZh: '出访',
      titleEn: null,
      description: null,
      sourceUrl: null,
      sources: [],
      leader: '张三',
      participants: 9,
      days: 7,
      purpose: null,
      approvalRef: null,
      costSharing: 'each_own',
      fields: ['trade'],
      anniversary: false,
      flags: [],
      isDemo: false,
      version: 2,
      createdAt: '',
      updatedAt: '',
    } as ActivityRecord;
    const again = toActivityInput(toActivityFormValues(record), record.version);
    expect(again.ok && again.input).toMatchObject({ partnershipIds: [9], leader: '张三', days: 7, version: 2 });
  });
});

describe('activity size', () => {
  it('counts one in the singular in English, and the same in Chinese', () => {
    expect(translate('en', sizeKeys(1).days, { n: 1 })).toBe('1 day');
    expect(translate('en', sizeKeys(1).people, { n: 1 })).toBe('1 person');
    expect(translate('en', sizeKeys(5).days, { n: 5 })).toBe('5 days');
    expect(translate('en', sizeKeys(12).people, { n: 12 })).toBe('12 people');
    expect(translate('zh-CN', sizeKeys(1).days, { n: 1 })).toBe('1 天');
    expect(translate('zh-CN', sizeKeys(1).people, { n: 1 })).toBe('1 人');
  });
});
