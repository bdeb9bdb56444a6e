import { describe, expect, it } from 'vitest';
import { checkProjectCreate, checkProjectUpdate } from './project-form-model';

describe('project form model', () => {
  it('leaves blank text out of a new project and checks it with the API schema', () => {
    const ok = checkProjectCreate({
      cnCode: '430000',
      nameZh: ' 杂交水稻 ',
      nameEn: ' ',
      field: 'agriculture',
      sdgs: [2],
    });
    expect(ok).toEqual({
      ok: true,
      body: expect.objectContaining({
        cnCode: '430000',
        nameZh: '杂交水稻',
        field: 'agriculture',
        status: 'planned',
        sdgs: [2],
      }),
    });
    expect(ok.ok && 'nameEn' in (ok.body as object)).toBe(false);
  });

  it('names the fields that are wrong', () => {
    const bad = checkProjectCreate({ cnCode: '430000', field: 'agriculture', sdgs: [18], startOn: '2023-13' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path).sort()).toEqual(['nameZh', 'sdgs', 'startOn']);
  });

  it('clears blank text on an edit and sends the version read', () => {
    const ok = checkProjectUpdate({ cnCode: '430000', nameZh: '项目', description: '', field: 'media' }, 3);
    expect(ok).toEqual({ ok: true, body: expect.objectContaining({ version: 3, description: null, nameEn: null }) });
  });
});
