import { describe, expect, it } from 'vitest';
import { projectQuery, validateProgrammeSearch, validateProjectSearch } from './project-search';

describe('project list address', () => {
  it('keeps known fields, statuses, a goal 1–17 and country codes, and drops the rest', () => {
    const s = validateProjectSearch({
      field: 'agriculture,mining,media,agriculture',
      status: 'running,lost',
      sdg: '18',
      country: 'BB,gh,GH',
      page: '1',
      q: '  rice ',
      scope: '430000',
    });
    expect(s).toMatchObject({ field: ['agriculture', 'media'], status: ['running'], country: ['BB', 'GH'], q: 'rice' });
    expect(s.sdg).toBeUndefined();
    expect(s.page).toBeUndefined();
    expect(validateProjectSearch({ sdg: '2' }).sdg).toBe(2);
    expect(validateProjectSearch({ sdg: '0' }).sdg).toBeUndefined();
  });

  it('asks the API for the scope and everything under it; the whole country needs no filter', () => {
    expect(projectQuery({ sdg: 2 }, '430000')).toMatchObject({ cn: '430000', sdg: 2, page: 1 });
    expect(projectQuery({}, '000000').cn).toBeUndefined();
  });

  it('opens a programme on its areas unless the evidence is asked for', () => {
    expect(validateProgrammeSearch({ view: 'evidence' }).view).toBe('evidence');
    expect(validateProgrammeSearch({ view: 'other' }).view).toBeUndefined();
  });
});
