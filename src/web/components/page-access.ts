/**
 * What a page needs of the person who opens it. A page they cannot use says so before it offers
 * anything (an upload box, an empty form), rather than failing at the first request.
 */
import type { Can } from '../features/auth/permissions';

export type PageNeed = 'write' | 'contacts' | 'admin';

const NEEDS: [RegExp, PageNeed][] = [
  [/^\/import\/?$/, 'write'],
  [/^\/(partnerships|activities|projects)\/new\/?$/, 'write'],
  [/^\/(partnerships|activities|projects)\/\d+\/edit\/?$/, 'write'],
  [/^\/contacts(\/|$)/, 'contacts'],
  [/^\/users\/?$/, 'admin'],
];

/** The permission a page needs, by its path; undefined for the pages every reader may open. */
export function pageNeed(pathname: string): PageNeed | undefined {
  return NEEDS.find(([pattern]) => pattern.test(pathname))?.[1];
}

export function mayOpen(need: PageNeed | undefined, can: Can): boolean {
  if (need === undefined) return true;
  if (need === 'write') return can.writeAnywhere;
  if (need === 'contacts') return can.contacts;
  return can.admin;
}
