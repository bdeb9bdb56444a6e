import { describe, expect, it } from 'vitest';
import { changedFields } from './record-history';

describe('changedFields', () => {
  it('lists the fields an update changed, leaving out the version and timestamps', () => {
    expect(
      changedFields({
        before: { notes: null, status: 'active', version: 1, updatedAt: 'a' },
        after: { notes: 'checked', status: 'active', version: 2, updatedAt: 'b' },
      }),
    ).toEqual([{ field: 'notes', from: null, to: 'checked' }]);
  });

  it('lists what a create set and what a delete held', () => {
    expect(changedFields({ before: null, after: { kind: 'friendship' } })).toEqual([
      { field: 'kind', from: null, to: 'friendship' },
    ]);
    expect(changedFields({ before: { kind: 'exchange' }, after: null })).toEqual([
      { field: 'kind', from: 'exchange', to: null },
    ]);
  });

  it('compares nested values by content', () => {
    expect(changedFields({ before: { sources: ['a'] }, after: { sources: ['a'] } })).toEqual([]);
  });
});
