/**
 * The demo's accounts: an admin of Hunan who sees contacts (the local browser is signed in as them),
 * a city editor of Changsha, and a reviewer who only reads — so that every role can be tried.
 */
import { systemActor } from '../auth/actor.js';
import { randomSecret } from '../auth/secrets.js';
import { createUser } from '../auth/user.service.js';
import type { Db } from '../db/client.js';

export const DEMO_ADMIN = 'demo';

export type DemoAccount = {
  username: string;
  password: string;
  role: 'admin' | 'editor' | 'viewer';
  scopeCode: string;
  canSeeContacts: boolean;
  note: string;
};

const ACCOUNTS = [
  {
    username: DEMO_ADMIN,
    displayName: '演示管理员 Demo admin',
    role: 'admin',
    scopeCode: '430000',
    canSeeContacts: true,
    note: 'provincial office',
  },
  {
    username: 'changsha',
    displayName: '长沙市外办 Changsha office',
    role: 'editor',
    scopeCode: '430100',
    canSeeContacts: false,
    note: 'a city office',
  },
  {
    username: 'reviewer',
    displayName: '人大代表 Reviewer',
    role: 'viewer',
    scopeCode: '430000',
    canSeeContacts: false,
    note: 'reads only',
  },
] as const;

/** Creates the demo accounts, with one password for all (given, or new and random). */
export async function createDemoAccounts(db: Db, password = randomSecret(12)): Promise<DemoAccount[]> {
  const actor = systemActor('demo');
  const made: DemoAccount[] = [];
  for (const account of ACCOUNTS) {
    await createUser({ db, actor, input: { ...account, password } });
    made.push({ ...account, password });
  }
  return made;
}
