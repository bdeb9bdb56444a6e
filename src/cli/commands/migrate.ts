import type { Command } from 'commander';
import { withDb } from '../context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations and load reference data (done automatically by every command)')
    .action(async (_options, command: Command) => {
      await withDb(command, async (handle) => {
        console.log(`database ready: ${handle.driver} at ${handle.location}`);
      });
    });
}
