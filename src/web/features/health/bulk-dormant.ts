/**
 * Moves chosen pairs in one step (休眠, or back to 活跃): for each pair, its life cycle is read (for
 * the version and the moves allowed) and one move is recorded with the reason and date given — so
 * each move is checked like any other and has its own audit entry. One refused move does not stop
 * the rest; the outcome lists each pair that was not moved, with the server's reason.
 */
import { api } from '../../api/client';
import type { Lifecycle } from '../lifecycle/lifecycle-api';
import { moveBody } from '../lifecycle/lifecycle-model';

export type BulkOutcome = { moved: number[]; refused: { id: number; message: string }[] };

type Client = Pick<typeof api, 'get' | 'post'>;

export type BulkMove = 'dormant' | 'reactivate';

export function markDormant(
  ids: readonly number[],
  fields: { reason: string; occurredOn: string },
  client: Client = api,
): Promise<BulkOutcome> {
  return moveAll(ids, 'dormant', fields, client);
}

export async function moveAll(
  ids: readonly number[],
  move: BulkMove,
  { reason, occurredOn }: { reason: string; occurredOn: string },
  client: Client = api,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { moved: [], refused: [] };
  // One after the other: each move is a transaction of its own on the server, in a stable order.
  for (const id of ids) {
    try {
      const lc = await client.get<Lifecycle>(`/partnerships/${id}/lifecycle`);
      if (!lc.allowedMoves.includes(move)) {
        outcome.refused.push({ id, message: '' });
        continue;
      }
      await client.post(`/partnerships/${id}/lifecycle`, moveBody(lc.version, move, { reason, occurredOn }));
      outcome.moved.push(id);
    } catch (error) {
      outcome.refused.push({ id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}
