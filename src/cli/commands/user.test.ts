/** `amity user …`, `amity token …` and `amity serve` without an admin, with a person's arguments, run in this process (runAmity). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataDir, testDriver } from '../../server/testing/test-db.js';
import { runAmity } from '../testing/run-amity.js';

const dir = mkdtempSync(join(tmpdir(), 'amity-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The commands open their own embedded database: start it from the tests' prepared template
// (migrated, reference data loaded), so each command only opens it.
beforeAll(async () => {
  if (testDriver() === 'pglite') await createTestDataDir(join(dir, 'db'));
}, 120_000);

function amity(args: string[], input?: string): Promise<{ code: number; out: string }> {
  return runAmity(['--db', join(dir, 'db'), ...args], { input, env: { DATABASE_URL: '' } });
}

describe.runIf(testDriver() === 'pglite')('amity user and token', () => {
  it('refuses to serve before an admin exists, then makes the first admin, a token, and disables an account', async () => {
    const refused = await amity(['serve', '--port', '0']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('no admin account yet');
    expect(refused.out).toContain('amity user add');

    const added = await amity(['user', 'add', 'wang', '--role', 'admin', '--scope', '430000', '--name', '王']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/created wang \(admin, scope 430000\)/);
    expect(added.out).toMatch(/password: \S{12,}/);

    const piped = await amity(
      ['user', 'add', 'li', '--role', 'editor', '--scope', '430100', '--password-stdin'],
      'a long passphrase here\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.out).not.toContain('password:');

    const short = await amity(
      ['user', 'add', 'zhao', '--role', 'viewer', '--scope', '430100', '--password-stdin'],
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.out).toContain('password: at least 12 characters');

    const token = await amity(['token', 'create', 'sync', '--user', 'li', '--role', 'viewer']);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^amity_\S+$/m);

    expect((await amity(['user', 'disable', 'li'])).code).toBe(0);
    const list = await amity(['user', 'list']);
    expect(list.out).toMatch(/li\teditor\t430100\tli\t\[disabled\]/);
    expect(list.out).toMatch(/wang\tadmin\t430000\t王/);
  }, 180_000);
});
