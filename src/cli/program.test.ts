import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, createProgram, findCommandName, registerCommands } from './program.js';

describe('the lazy list of commands', () => {
  it.each(COMMANDS.map((c) => [c.name, c]))(
    '%s: its module registers it, with the summary as its description',
    async (name, entry) => {
      const program = new Command('amity');
      (await entry.load())(program);
      const command = program.commands.find((c) => c.name() === name);
      expect(command, `${name} is not registered by its module`).toBeDefined();
      expect(command?.description()).toBe(entry.summary);
    },
  );

  it('names each command once', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('findCommandName', () => {
  const program = createProgram();
  it.each([
    [['figures', '--scope', '430000'], 'figures'],
    [['--db', './.amity/demo', 'figures'], 'figures'],
    [['--db=./x', 'report', '--help'], 'report'],
    [['help', 'serve'], 'serve'],
    [['--help'], undefined],
    [[], undefined],
    [['user', 'add', 'wang'], 'user'],
    [['--', 'figures'], undefined],
  ])('%j → %s', (args, name) => {
    expect(findCommandName(program, args)).toBe(name);
  });
});

describe('registerCommands', () => {
  it('registers only the named command in full', async () => {
    const program = createProgram();
    await registerCommands(program, ['figures', '--scope', '430000']);
    expect(program.commands.map((c) => c.name())).toEqual(['figures']);
    expect(program.commands[0]?.options.map((o) => o.long)).toContain('--scope');
  });

  it('lists every command by its summary when none is named', async () => {
    const program = createProgram();
    await registerCommands(program, ['--help']);
    expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    expect(program.commands.every((c) => c.options.length === 0)).toBe(true);
  });
});
