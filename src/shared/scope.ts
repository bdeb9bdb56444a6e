/**
 * Scopes by code: a GB/T 2260 code covers its subtree — a province (XX0000) every code starting XX,
 * a prefecture (XXYY00) every code starting XXYY, a county only itself; 000000 covers everything.
 * The server checks with the reference tree (auth/actor.ts); the web app uses this to show only the
 * actions the server would allow.
 */
import { NATIONAL_CODE } from './enums.js';

export function codePrefix(scopeCode: string): string {
  if (scopeCode === NATIONAL_CODE) return '';
  if (scopeCode.endsWith('0000')) return scopeCode.slice(0, 2);
  if (scopeCode.endsWith('00')) return scopeCode.slice(0, 4);
  return scopeCode;
}

export function codeCovers(scopeCode: string, code: string): boolean {
  return code.startsWith(codePrefix(scopeCode));
}
