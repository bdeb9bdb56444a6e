/**
 * Scopes by division code, for every feature: a code → its division (or the whole country for
 * 000000) → the subtree the repos select with db/subtree.ts. An unknown code is one answer
 * everywhere: 400, with the field that named it.
 */
import { NATIONAL_CODE } from '../../shared/enums.js';
import { validationFailed } from '../../shared/errors.js';
import { type Subtree, subtreeOf } from '../db/subtree.js';
import { type Division, getReferenceCache, unknownDivisionIssue } from './reference-cache.js';

export type Scope = {
  code: string;
  nameZh: string;
  nameEn: string;
  level: Division['level'] | 'national';
  /** null for the whole country */
  division: Division | null;
  /** null for the whole country */
  subtree: Subtree | null;
};

const DIVISION_FIX = 'use the six-digit code of a province, city or county, e.g. 430100 for 长沙市';

/** The division of a code; 400 naming `path` when the reference data has no such division. */
export function getDivision(code: string, path = 'cnCode'): Division {
  const division = getReferenceCache().divisions.get(code);
  if (!division) throw validationFailed([unknownDivisionIssue(path, code, DIVISION_FIX)]);
  return division;
}

/** A scope code (000000 for the whole country) resolved; 400 naming `path` when it is unknown. */
export function resolveScope(code: string, path = 'scope'): Scope {
  if (code === NATIONAL_CODE) {
    return { code, nameZh: '全国', nameEn: 'China', level: 'national', division: null, subtree: null };
  }
  const division = getReferenceCache().divisions.get(code);
  if (!division) {
    throw validationFailed([unknownDivisionIssue(path, code, `${DIVISION_FIX}, or 000000 for the whole country`)]);
  }
  const { nameZh, nameEn, level } = division;
  return { code, nameZh, nameEn, level, division, subtree: subtreeOf(division) };
}
