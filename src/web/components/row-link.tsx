/**
 * A plain link to a record for table rows: a real <a href> (open in a new tab works) that moves
 * within the app on a plain click. Much lighter than the router's <Link> when a page shows
 * hundreds of them.
 */
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useScope } from '../state/scope';
import { stringifySearch } from '../state/search';

export function PartnershipLink({ id, children }: { id: number; children: ReactNode }) {
  const navigate = useNavigate();
  const { scope, asOf } = useScope();
  const href = `/partnerships/${id}${stringifySearch({ scope, asOf })}`;
  return (
    <a
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void navigate({ to: '/partnerships/$id', params: { id } });
      }}
    >
      {children}
    </a>
  );
}
