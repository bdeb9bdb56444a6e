/** What the signed-in person may do, so pages offer only the actions the server would allow. */
import { useMemo } from 'react';
import { codeCovers } from '../../../shared/scope';
import { useCurrentUser } from './session';

const RANK = { viewer: 0, editor: 1, admin: 2 } as const;

export type Can = {
  /** May change records of this division. */
  write(code: string): boolean;
  /** May change records somewhere (to offer "new" and "import"). */
  writeAnywhere: boolean;
  admin: boolean;
  contacts: boolean;
  read(code: string): boolean;
};

export function useCan(): Can {
  const user = useCurrentUser();
  return useMemo(() => {
    const rank = user && user.kind !== 'anonymous' ? RANK[user.role] : -1;
    const inScope = (code: string) => !!user && codeCovers(user.scopeCode, code);
    return {
      write: (code) => rank >= RANK.editor && inScope(code),
      writeAnywhere: rank >= RANK.editor,
      admin: rank >= RANK.admin,
      contacts: rank >= 0 && !!user?.canSeeContacts,
      read: (code) => inScope(code),
    };
  }, [user]);
}
