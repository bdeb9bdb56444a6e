import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../shared/enums.js';
import { totalOutcomes } from './outcome-totals.js';

const row = fc.record({
  outcomeId: fc.integer({ min: 1, max: 10_000 }),
  projectId: fc.integer({ min: 1, max: 20 }),
  field: fc.constantFrom(...FIELDS),
  sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }),
  unit: fc.constantFrom('ha', 'people', 'countries', 't/ha'),
  value: fc.integer({ min: 0, max: 1_000_000 }),
  isDemo: fc.boolean(),
});

describe('totalOutcomes', () => {
  it('adds values within a unit only: the fields of a unit add up to its total, each goal at most to it', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const totals = totalOutcomes(rows);
        for (const unitRow of totals.byUnit) {
          const ofUnit = rows.filter((r) => r.unit === unitRow.unit);
          expect(unitRow.total).toBe(ofUnit.reduce((s, r) => s + r.value, 0));
          expect(unitRow.outcomes).toBe(ofUnit.length);
          expect(unitRow.demo).toBe(ofUnit.filter((r) => r.isDemo).length);
          expect(unitRow.projects).toBe(new Set(ofUnit.map((r) => r.projectId)).size);
          const fields = totals.byField.filter((f) => f.unit === unitRow.unit);
          expect(fields.reduce((s, f) => s + f.total, 0)).toBe(unitRow.total);
          for (const goal of totals.bySdg.filter((g) => g.unit === unitRow.unit)) {
            expect(goal.total).toBeLessThanOrEqual(unitRow.total);
          }
        }
        expect(totals.byUnit.reduce((s, u) => s + u.outcomes, 0)).toBe(rows.length);
        // A goal row counts exactly the outcomes of the projects tagged with it.
        for (const goal of totals.bySdg) {
          const tagged = rows.filter((r) => r.unit === goal.unit && r.sdgs.includes(Number(goal.key)));
          expect(goal.outcomes).toBe(tagged.length);
        }
      }),
    );
  });

  it('gives nothing for no outcomes', () => {
    expect(totalOutcomes([])).toEqual({ byField: [], bySdg: [], byUnit: [] });
  });
});
