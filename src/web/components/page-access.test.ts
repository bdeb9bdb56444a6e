import { describe, expect, it } from 'vitest';
import type { Can } from '../features/auth/permissions';
import { mayOpen, pageNeed } from './page-access';

const viewer: Can = { write: () => false, writeAnywhere: false, admin: false, contacts: false, read: () => true };
const editor: Can = { ...viewer, write: () => true, writeAnywhere: true };

describe('pageNeed', () => {
  it('names what the pages of changes, contacts and accounts need', () => {
    expect(pageNeed('/import')).toBe('write');
    expect(pageNeed('/partnerships/new')).toBe('write');
    expect(pageNeed('/activities/12/edit')).toBe('write');
    expect(pageNeed('/contacts')).toBe('contacts');
    expect(pageNeed('/contacts/silent')).toBe('contacts');
    expect(pageNeed('/users')).toBe('admin');
  });
  it('leaves the reading pages open', () => {
    for (const path of ['/', '/partnerships', '/partnerships/12', '/reports', '/map', '/contactsx', '/imports'])
      expect(pageNeed(path), path).toBeUndefined();
  });
  it('a reviewer may not open the import page; an editor may', () => {
    expect(mayOpen(pageNeed('/import'), viewer)).toBe(false);
    expect(mayOpen(pageNeed('/import'), editor)).toBe(true);
    expect(mayOpen(pageNeed('/contacts'), editor)).toBe(false);
    expect(mayOpen(pageNeed('/reports'), viewer)).toBe(true);
  });
});
