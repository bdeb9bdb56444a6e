import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiTokens, users } from '../db/schema.js';
import { buildUser } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { selectUser } from './auth.repo.js';
import { actorOfUser, resolveToken, TOKEN_KEPT_MS } from './session.service.js';
import { createApiToken, revokeApiToken } from './token.service.js';
import { updateUser } from './user.service.js';

const handle = await createTestDb();
const db = handle.db;

/** The stored user behind a made one, as the actor it signs in as. */
async function actorOf(made: { id: number }) {
  return actorOfUser((await selectUser(db, made.id)) as NonNullable<Awaited<ReturnType<typeof selectUser>>>);
}

async function editorWithToken(expiresInDays?: number) {
  const user = await buildUser(handle, { role: 'editor', scopeCode: '430000' });
  const { token, view } = await createApiToken({
    db,
    actor: await actorOf(user),
    input: { name: 'script', canSeeContacts: false, expiresInDays },
  });
  return { user, token, tokenId: view.id };
}

const refused = { code: 'unauthenticated' };

afterEach(() => {
  vi.useRealTimers();
});

describe('API tokens resolved a moment ago', () => {
  it('are refused at once when revoked through the app', async () => {
    const { user, token, tokenId } = await editorWithToken();
    expect((await resolveToken(db, token)).role).toBe('editor');
    await revokeApiToken({ db, actor: await actorOf(user), id: tokenId });
    await expect(resolveToken(db, token)).rejects.toMatchObject(refused);
  });

  it('act with the owner’s new rights at once, and not at all once the owner is disabled', async () => {
    const { user, token } = await editorWithToken();
    const adminActor = await actorOf(await buildUser(handle, { role: 'admin', scopeCode: '430000' }));
    expect((await resolveToken(db, token)).role).toBe('editor');
    const viewer = await updateUser({
      db,
      actor: adminActor,
      id: user.id,
      input: { version: user.version, role: 'viewer' },
    });
    expect((await resolveToken(db, token)).role).toBe('viewer');
    await updateUser({ db, actor: adminActor, id: user.id, input: { version: viewer.version, disabled: true } });
    await expect(resolveToken(db, token)).rejects.toMatchObject(refused);
  });

  it('revoked by another process (straight in the database) are refused within the keeping time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { token, tokenId } = await editorWithToken();
    await resolveToken(db, token);
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    // Still kept: this process has not heard of the change.
    expect((await resolveToken(db, token)).tokenId).toBe(tokenId);
    vi.setSystemTime(Date.now() + TOKEN_KEPT_MS + 1);
    await expect(resolveToken(db, token)).rejects.toMatchObject(refused);
  });

  it('are never kept past their expiry', async () => {
    const { token, tokenId } = await editorWithToken(1);
    // The token expires in a moment: set its expiry 3 s ahead, look it up, then let 3.5 s pass.
    vi.useFakeTimers({ toFake: ['Date'] });
    const expiresAt = Date.now() + 3000;
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(expiresAt) })
      .where(eq(apiTokens.id, tokenId));
    expect((await resolveToken(db, token)).tokenId).toBe(tokenId);
    vi.setSystemTime(expiresAt + 500);
    // Kept no longer: looked up again, and the database (on its own clock) may or may not refuse it
    // yet; what must not happen is an answer from what was kept. So expire it in the database too.
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(apiTokens.id, tokenId));
    await expect(resolveToken(db, token)).rejects.toMatchObject(refused);
  });

  it('are not kept when the lookup began before a change committed', async () => {
    const { user, token } = await editorWithToken();
    const adminActor = await actorOf(await buildUser(handle, { role: 'admin', scopeCode: '430000' }));
    // The lookup and the disabling run side by side; whichever order they take, the next request sees the change.
    await Promise.all([
      resolveToken(db, token).catch(() => null),
      updateUser({ db, actor: adminActor, id: user.id, input: { version: user.version, disabled: true } }),
    ]);
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]?.disabled).toBe(true);
    await expect(resolveToken(db, token)).rejects.toMatchObject(refused);
  });
});
