import { describe, expect, it } from 'vitest';
import { formatPartialDate, translate } from '../../i18n/catalog';
import { auditLines } from './audit-lines';

const words = (lang: 'zh-CN' | 'en') => ({
  t: (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars),
  d: (value: string | null | undefined) => formatPartialDate(lang, value),
});

describe('auditLines', () => {
  it('names a cleared date as the page does, at its precision', () => {
    const before = { establishedOn: '2002-05-01', establishedPrecision: 'month', version: 1, search: 'a' };
    const after = { establishedOn: null, establishedPrecision: null, version: 2, search: 'b' };
    expect(auditLines(before, after, words('zh-CN'))).toEqual([
      { field: 'establishedOn', label: '结好日期', from: '2002年5月', to: '未填写' },
    ]);
    expect(auditLines(before, after, words('en'))[0]).toMatchObject({ label: 'Established', to: 'not set' });
  });

  it('shows coded values by their labels and leaves derived columns out', () => {
    const lines = auditLines(
      { status: 'active', kind: 'friendship', notes: null, sortKey: 'x', provinceCode: '430000', updatedAt: 'a' },
      { status: 'dormant', kind: 'exchange', notes: '已核对', sortKey: 'y', provinceCode: '430000', updatedAt: 'b' },
      words('zh-CN'),
    );
    expect(lines.map((l) => `${l.label}：${l.from} → ${l.to}`)).toEqual([
      '状态：活跃 → 休眠',
      '类型：友好城市 → 友好交流城市',
      '备注：未填写 → 已核对',
    ]);
  });

  it('a precision change alone is a change of the date; an unchanged date is no line', () => {
    const year = { establishedOn: '2002-01-01', establishedPrecision: 'year' };
    const day = { establishedOn: '2002-01-01', establishedPrecision: 'day' };
    expect(auditLines(year, day, words('zh-CN'))).toEqual([
      { field: 'establishedOn', label: '结好日期', from: '2002年', to: '2002年1月1日' },
    ]);
    expect(auditLines(year, { ...year }, words('zh-CN'))).toEqual([]);
  });

  it('lists what a create set, and compares lists by content', () => {
    expect(auditLines(null, { kind: 'friendship' }, words('en'))).toEqual([
      { field: 'kind', label: 'Kind', from: 'not set', to: 'Friendship city' },
    ]);
    expect(auditLines({ sources: ['a'] }, { sources: ['a'] }, words('en'))).toEqual([]);
  });
});
