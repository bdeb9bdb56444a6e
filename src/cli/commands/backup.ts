/** `amity backup FILE` and `amity restore FILE [--force]`: every office record, gzip JSON lines. */
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { type BackupCounts, backupStream, restoreBackup } from '../../server/backup/backup.service.js';
import { CliError, withDb } from '../context.js';

function describeCounts(counts: BackupCounts): string {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write every record of this database (not the shipped reference data) to FILE (gzip JSON lines)')
    .argument('<file>', 'the file to write, e.g. amity-2026-11-25.jsonl.gz')
    .action(async (file: string, _options, command: Command) => {
      await withDb(
        command,
        async (handle) => {
          // Written beside the target and renamed at the end, so a failed backup never leaves half a file.
          const partial = `${file}.partial`;
          const counts: BackupCounts = {};
          try {
            await pipeline(backupStream({ db: handle.db, counts }), createWriteStream(partial));
            renameSync(partial, file);
          } catch (error) {
            rmSync(partial, { force: true });
            throw error;
          }
          console.log(`backed up ${describeCounts(counts)} to ${file}`);
        },
        'existing',
      );
    });

  program
    .command('restore')
    .description('restore a backup made by `amity backup` into an empty database, all or nothing')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace the records the database already holds')
    .action(async (file: string, options: { force?: boolean }, command: Command) => {
      if (!existsSync(file)) throw new CliError(`${file}: no such file`, 2);
      await withDb(command, async (handle) => {
        const counts = await restoreBackup({ db: handle.db, input: createReadStream(file), force: options.force });
        console.log(`restored ${describeCounts(counts)} from ${file}`);
      });
    });
}
