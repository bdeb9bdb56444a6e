import { describe, expect, it } from 'vitest';
import { markDormant, moveAll } from './bulk-dormant';

function fakeClient(lifecycles: Record<number, { version: number; allowedMoves: string[] } | Error>) {
  const posts: { path: string; body: unknown }[] = [];
  return {
    posts,
    client: {
      get: async <T>(path: string) => {
        const id = Number(/\/partnerships\/(\d+)\//.exec(path)?.[1]);
        const lc = lifecycles[id];
        if (lc instanceof Error) throw lc;
        return lc as T;
      },
      post: async <T>(path: string, body?: unknown) => {
        posts.push({ path, body });
        return {} as T;
      },
    },
  };
}

describe('markDormant', () => {
  it('records one dormant move per pair, with its version, reason and date', async () => {
    const { client, posts } = fakeClient({
      1: { version: 3, allowedMoves: ['dormant', 'end'] },
      2: { version: 1, allowedMoves: ['reactivate', 'end'] },
      3: new Error('无权执行此操作'),
      4: { version: 7, allowedMoves: ['dormant'] },
    });
    const outcome = await markDormant([1, 2, 3, 4], { reason: '三年无交流', occurredOn: '2025-06-30' }, client);
    expect(outcome.moved).toEqual([1, 4]);
    expect(outcome.refused).toEqual([
      { id: 2, message: '' },
      { id: 3, message: '无权执行此操作' },
    ]);
    expect(posts).toEqual([
      {
        path: '/partnerships/1/lifecycle',
        body: { version: 3, move: 'dormant', occurredOn: '2025-06-30', reason: '三年无交流' },
      },
      {
        path: '/partnerships/4/lifecycle',
        body: { version: 7, move: 'dormant', occurredOn: '2025-06-30', reason: '三年无交流' },
      },
    ]);
  });
});

describe('moveAll', () => {
  it('brings pairs back to active with the same checks', async () => {
    const { client, posts } = fakeClient({
      5: { version: 2, allowedMoves: ['reactivate', 'end'] },
      6: { version: 4, allowedMoves: ['dormant', 'end'] },
    });
    const outcome = await moveAll([5, 6], 'reactivate', { reason: '恢复互访', occurredOn: '2025-07-01' }, client);
    expect(outcome).toEqual({ moved: [5], refused: [{ id: 6, message: '' }] });
    expect(posts[0]?.body).toEqual({ version: 2, move: 'reactivate', occurredOn: '2025-07-01', reason: '恢复互访' });
  });
});
