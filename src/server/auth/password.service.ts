/** People change their own password: the current one first; their other sessions end. */
import { AppError } from '../../shared/errors.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Db } from '../db/client.js';
import { type Actor, assertSignedIn } from './actor.js';
import { deleteSessionsOf, insertSession, selectLiveSession, selectUser, updateUserIfVersion } from './auth.repo.js';
import { hashPassword, sha256, verifyPassword } from './secrets.js';

export async function changeOwnPassword(args: {
  db: Db;
  actor: Actor;
  input: { currentPassword: string; newPassword: string };
  /** The session making the change, which stays signed in. */
  keepSession?: string;
}): Promise<void> {
  const { db, actor, input } = args;
  assertSignedIn(actor);
  if (actor.kind !== 'user' || actor.id === null) {
    throw new AppError('forbidden', 'only a signed-in person changes their password', {
      fix: 'sign in in the web app',
    });
  }
  const user = await selectUser(db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'the current password is wrong', {
      issues: [{ path: 'currentPassword', rule: 'wrong_password', message: 'the current password is wrong' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const kept = args.keepSession ? await selectLiveSession(tx, sha256(args.keepSession)) : undefined;
    const after = await updateUserIfVersion(tx, user.id, user.version, { passwordHash });
    if (!after) throw new AppError('conflict', 'your account was changed meanwhile; try again');
    await deleteSessionsOf(tx, user.id);
    if (kept) await insertSession(tx, kept.session);
    await writeAudit(tx, actor, { entity: 'user', entityId: user.id, action: 'password', cnCode: user.scopeCode });
  });
}
