/**
 * `amity user add|list|disable|enable|reset-password` and `amity token create|list|revoke`: accounts
 * from the command line, which acts as the system (it has the database itself). The first admin of a
 * deployment is created here, before `amity serve`.
 */
import type { Command } from 'commander';
import { type Actor, systemActor } from '../../server/auth/actor.js';
import { selectTokensOf } from '../../server/auth/auth.repo.js';
import { randomSecret } from '../../server/auth/secrets.js';
import { actorOfUser } from '../../server/auth/session.service.js';
import { createApiToken, presentToken, revokeApiToken } from '../../server/auth/token.service.js';
import { createUser, findUserByName, listUsers, resetPassword, updateUser } from '../../server/auth/user.service.js';
import type { Db } from '../../server/db/client.js';
import { ROLE_VALUES, TokenCreateSchema, UserCreateSchema } from '../../shared/schemas/auth.js';
import { CliError, withDb } from '../context.js';

const CLI: Actor = systemActor('cli');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password from stdin, or a new random one that is printed once. */
async function passwordOf(options: { passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  return { password: randomSecret(15), generated: true };
}

async function userNamed(db: Db, username: string) {
  const user = await findUserByName(db, username);
  if (!user) throw new CliError(`no user ${username}: see amity user list`, 2);
  return user;
}

function parseOrFail<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'input'}: ${i.message}`);
    throw new CliError(`invalid input:\n${lines.join('\n')}`, 2);
  }
  return parsed.data;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('accounts: add, list, disable, enable, reset-password');

  user
    .command('add <username>')
    .description('create an account (the first admin of a deployment is made this way)')
    .requiredOption('--role <role>', `one of ${ROLE_VALUES.join(', ')}`)
    .requiredOption('--scope <code>', 'GB/T 2260 code of the division subtree (430000, 430100, …; 000000 for all)')
    .option('--name <display name>', 'the name shown in the app (default: the username)')
    .option('--contacts', 'may see contacts (personal data)')
    .option('--password-stdin', 'read the password from standard input (else a random one is printed once)')
    .action(
      async (
        username: string,
        options: { role: string; scope: string; name?: string; contacts?: boolean; passwordStdin?: boolean },
        command: Command,
      ) => {
        const { password, generated } = await passwordOf(options);
        const input = parseOrFail(UserCreateSchema, {
          username,
          displayName: options.name ?? username,
          role: options.role,
          scopeCode: options.scope,
          canSeeContacts: !!options.contacts,
          password,
        });
        await withDb(command, async ({ db }) => {
          const created = await createUser({ db, actor: CLI, input });
          console.log(
            `created ${created.username} (${created.role}, scope ${created.scopeCode}${created.canSeeContacts ? ', contacts' : ''})`,
          );
          if (generated)
            console.log(`password: ${password}\n  (shown once: give it to the user, who changes it after signing in)`);
        });
      },
    );

  user
    .command('list')
    .description('list accounts')
    .action(async (_options: unknown, command: Command) => {
      await withDb(command, async ({ db }) => {
        const rows = await listUsers({ db, actor: CLI });
        if (rows.length === 0) console.log('no accounts yet: amity user add NAME --role admin --scope CODE');
        for (const u of rows) {
          const flags = [
            u.disabled ? 'disabled' : '',
            u.locked ? 'locked' : '',
            u.canSeeContacts ? 'contacts' : '',
          ].filter(Boolean);
          console.log(
            `${u.username}\t${u.role}\t${u.scopeCode}\t${u.displayName}${flags.length ? `\t[${flags.join(', ')}]` : ''}`,
          );
        }
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(
        disabled ? 'disable an account (its sessions end; its tokens stop working)' : 'enable a disabled account',
      )
      .action(async (username: string, _options: unknown, command: Command) => {
        await withDb(command, async ({ db }) => {
          const row = await userNamed(db, username);
          await updateUser({ db, actor: CLI, id: row.id, input: { version: row.version, disabled } });
          console.log(`${username} ${disabled ? 'disabled' : 'enabled'}`);
        });
      });
  }

  user
    .command('reset-password <username>')
    .description(
      'set a new password (random and printed once, or from --password-stdin); ends the sessions, lifts a lock',
    )
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (username: string, options: { passwordStdin?: boolean }, command: Command) => {
      const { password, generated } = await passwordOf(options);
      await withDb(command, async ({ db }) => {
        const row = await userNamed(db, username);
        await resetPassword({ db, actor: CLI, id: row.id, password });
        console.log(`password of ${username} reset`);
        if (generated) console.log(`password: ${password}\n  (shown once)`);
      });
    });

  const token = program.command('token').description('API tokens for scripts: create, list, revoke');

  token
    .command('create <name>')
    .description("create an API token for a user (printed once); at most the user's role and scope")
    .requiredOption('--user <username>', 'the owner')
    .option('--role <role>', `one of ${ROLE_VALUES.join(', ')} (default: the owner's)`)
    .option('--scope <code>', "inside the owner's scope (default: the owner's)")
    .option('--contacts', 'may see contacts (only if the owner may)')
    .option('--days <n>', 'expires after n days (default: until revoked)')
    .action(
      async (
        name: string,
        options: { user: string; role?: string; scope?: string; contacts?: boolean; days?: string },
        command: Command,
      ) => {
        const input = parseOrFail(TokenCreateSchema, {
          name,
          role: options.role,
          scopeCode: options.scope,
          canSeeContacts: !!options.contacts,
          expiresInDays: options.days === undefined ? undefined : Number(options.days),
        });
        await withDb(command, async ({ db }) => {
          const owner = await userNamed(db, options.user);
          const { token: secret, view } = await createApiToken({ db, actor: actorOfUser(owner), input });
          console.log(`token ${view.id} "${view.name}" for ${owner.username} (${view.role}, scope ${view.scopeCode})`);
          console.log(secret);
        });
      },
    );

  token
    .command('list')
    .description('list API tokens (never the secrets)')
    .option('--user <username>', 'only this user’s')
    .action(async (options: { user?: string }, command: Command) => {
      await withDb(command, async ({ db }) => {
        const owner = options.user ? await userNamed(db, options.user) : undefined;
        for (const t of (await selectTokensOf(db, owner?.id)).map(presentToken)) {
          const state = t.revokedAt
            ? 'revoked'
            : t.expiresAt && t.expiresAt < new Date().toISOString()
              ? 'expired'
              : 'live';
          console.log(
            `${t.id}\t${t.prefix}…\t${t.name}\tuser ${t.userId}\t${t.role}\t${t.scopeCode}\t${state}\tlast used ${t.lastUsedAt ?? 'never'}`,
          );
        }
      });
    });

  token
    .command('revoke <id>')
    .description('revoke an API token')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withDb(command, async ({ db }) => {
        const { selectToken, selectUser } = await import('../../server/auth/auth.repo.js');
        const row = await selectToken(db, Number(id));
        const owner = row ? await selectUser(db, row.userId) : undefined;
        if (!row || !owner) throw new CliError(`no API token ${id}: see amity token list`, 2);
        await revokeApiToken({ db, actor: actorOfUser(owner), id: row.id });
        console.log(`token ${id} revoked`);
      });
    });
}
