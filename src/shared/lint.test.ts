/**
 * The lint is on: `npm run check` fails on the mistakes the recommended rules catch, and on the
 * project's own choices (no `any`, no `var`, no console outside the command line).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Lints a file written for the purpose inside the tree (where the overrides apply), then removes it. */
function lint(dir: string, source: string): string {
  const path = `${dir}/lint-probe-${process.pid}.ts`;
  writeFileSync(path, source);
  try {
    const run = spawnSync('node_modules/.bin/biome', ['lint', '--max-diagnostics=50', path], { encoding: 'utf8' });
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(path, { force: true });
  }
}

describe('the linter', () => {
  it('refuses any, var, == and debugger', () => {
    const out = lint('src/shared', 'export const a: any = 1;\nvar b = 2;\nif (a == b) {\n  debugger;\n}\n');
    for (const rule of ['noExplicitAny', 'noVar', 'noDoubleEquals', 'noDebugger']) expect(out).toContain(rule);
  });

  it('refuses console in the server and allows it in the command line', () => {
    expect(lint('src/server', "console.log('x');\n")).toContain('noConsole');
    expect(lint('src/cli', "console.log('x');\n")).not.toContain('noConsole');
  });
});
