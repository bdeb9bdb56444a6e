import { describe, expect, it } from 'vitest';
import { applyMove, type LifecycleState, MOVES } from '../../../shared/lifecycle';
import { hasFilters, partnershipQuery, validatePartnershipSearch } from '../../state/search';
import { checkCreate, toCreateInput } from '../partnerships/form-model';
import { formatBytes, moveBody, moveFields, stepIndex } from './lifecycle-model';

describe('life-cycle panel model', () => {
  it('shows every field the server requires for each move, and marks it required', () => {
    const state: LifecycleState = { stage: 'established', status: 'active', kind: 'exchange', approvals: [] };
    for (const move of MOVES) {
      const fields = moveFields(move);
      // A form filled in only in its required fields is accepted by the machine (where the move is allowed).
      const values = Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.name, 'x']));
      const r = applyMove(state, 'city', { move, ...values, occurredOn: '2024-01-01' });
      if (!r.ok) expect(r.issues.map((i) => i.rule)).toEqual(['move_not_allowed']);
      expect(fields[0]).toEqual({ name: 'occurredOn', required: true });
    }
    expect(
      moveFields('approve')
        .filter((f) => f.required)
        .map((f) => f.name),
    ).toEqual(['occurredOn', 'approvalLevel', 'approver', 'reference']);
    expect(moveFields('end').find((f) => f.name === 'reason')?.required).toBe(true);
  });

  it('sends only the fields of the move, without blanks', () => {
    expect(moveBody(3, 'dormant', { occurredOn: '2024-01-01', reason: '  多年无往来 ', approver: 'ignored' })).toEqual({
      version: 3,
      move: 'dormant',
      occurredOn: '2024-01-01',
      reason: '多年无往来',
    });
    expect(moveBody(1, 'reactivate', { occurredOn: '2024-01-01', reason: '   ' })).toEqual({
      version: 1,
      move: 'reactivate',
      occurredOn: '2024-01-01',
    });
  });

  it('orders the steps and formats sizes', () => {
    expect(stepIndex('intent')).toBe(0);
    expect(stepIndex('established')).toBe(4);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(5 * 1024 * 1024 + 100_000)).toBe('5.1 MB');
  });

  it('keeps a stage filter of the list in the address and sends it to the API', () => {
    const search = validatePartnershipSearch({ stage: 'proposed,approved,bogus' });
    expect(search.stage).toEqual(['proposed', 'approved']);
    expect(hasFilters(search)).toBe(true);
    expect(partnershipQuery(search, '430000').stage).toEqual(['proposed', 'approved']);
    expect(validatePartnershipSearch({}).stage).toBeUndefined();
  });

  it('the new-partnership form can start at a step before signing', () => {
    const values = { cnCode: '430400', stage: 'intent', partner: { countryIso2: 'KE', nameEn: 'Nakuru' } };
    expect(toCreateInput(values)).toMatchObject({ stage: 'intent', status: 'active', establishedOn: null });
    expect(checkCreate(values)).toMatchObject({ ok: true, input: { stage: 'intent' } });
    expect(toCreateInput({ cnCode: '430400' })).toMatchObject({ stage: 'established' });
  });
});
