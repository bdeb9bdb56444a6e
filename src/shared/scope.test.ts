import { describe, expect, it } from 'vitest';
import { scopeCovers } from '../server/auth/actor.js';
import { getReferenceCache } from '../server/places/reference-cache.js';
import { codeCovers } from './scope.js';

describe('codeCovers', () => {
  it('covers a subtree by code', () => {
    expect(codeCovers('000000', '430102')).toBe(true);
    expect(codeCovers('430000', '430102')).toBe(true);
    expect(codeCovers('430100', '430102')).toBe(true);
    expect(codeCovers('430100', '430600')).toBe(false);
    expect(codeCovers('430102', '430102')).toBe(true);
    expect(codeCovers('430102', '430103')).toBe(false);
    expect(codeCovers('430000', '440100')).toBe(false);
  });

  it('agrees with the server’s check on the reference tree for every division under every province and city', () => {
    const divisions = [...getReferenceCache().divisions.values()];
    const scopes = divisions.filter((d) => d.level !== 'county').map((d) => d.code);
    const disagreements: string[] = [];
    for (const scope of scopes) {
      for (const d of divisions) {
        if (codeCovers(scope, d.code) !== scopeCovers(scope, d.code)) disagreements.push(`${scope} ${d.code}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});
