/**
 * `amity export-open DIR`: the published records as an open-data package (Frictionless Data
 * Package, XLSX, schema.org JSON-LD), checked against the Frictionless profiles before it is left;
 * `amity import-open PATH`: such a package (its folder or its zip) into an empty database.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import {
  buildOpenPackage,
  checkOpenPackage,
  LICENSE_IDS,
  type LicenseId,
  writeOpenPackage,
  zipPackage,
} from '../../server/open/open-package.service.js';
import { filesOfZip, importOpenPackage } from '../../server/open/package-import.js';
import { CliError, withDb } from '../context.js';

type ExportOpenOptions = { scope: string; license: string; publisher?: string; baseUrl?: string; zip?: string };

export function registerExportOpen(program: Command): void {
  program
    .command('export-open')
    .description('write the published partnerships to DIR as an open-data package (Frictionless, XLSX, JSON-LD)')
    .argument('<dir>', 'the folder to write (created when missing; files of the same names are replaced)')
    .option('--scope <code>', 'a division and everything under it (GB/T 2260), or 000000 for all', '000000')
    .option('--license <id>', `the package's licence: ${LICENSE_IDS.join(', ')}`, 'CC-BY-4.0')
    .option('--publisher <name>', 'who publishes it (default: the scope’s name)')
    .option('--base-url <url>', 'where the files will be served from, for the links of dataset.jsonld')
    .option('--zip <file>', 'also write the package as one zip archive')
    .action(async (dir: string, options: ExportOpenOptions, command: Command) => {
      if (!LICENSE_IDS.includes(options.license as LicenseId)) {
        throw new CliError(`--license ${options.license}: give one of ${LICENSE_IDS.join(', ')}`, 2);
      }
      if (!/^\d{6}$/.test(options.scope)) throw new CliError(`--scope ${options.scope}: give a six-digit code`, 2);
      if (options.baseUrl && !URL.canParse(options.baseUrl)) {
        throw new CliError(
          `--base-url ${options.baseUrl}: give an absolute address such as https://example.org/open/`,
          2,
        );
      }
      await withDb(
        command,
        async (handle) => {
          const started = performance.now();
          const pkg = await buildOpenPackage({
            db: handle.db,
            actor: systemActor('export-open'),
            options: { scope: options.scope, license: options.license as LicenseId, publisher: options.publisher },
          });
          const { files, descriptor } = await writeOpenPackage(pkg, { baseUrl: options.baseUrl });
          const problems = checkOpenPackage(pkg, descriptor);
          if (problems.length) {
            const lines = problems
              .slice(0, 10)
              .map((p) => `  ${p.file}${p.row ? ` row ${p.row}` : ''} ${p.field ?? ''}: ${p.message}`);
            throw new CliError(
              `the package does not validate (${problems.length} problems), nothing written:\n${lines.join('\n')}`,
              1,
            );
          }
          for (const [path, bytes] of files) {
            const target = join(dir, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, bytes);
          }
          if (options.zip) writeFileSync(options.zip, zipPackage(files));
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          const counts = [...pkg.tables].map(([name, rows]) => `${name} ${rows.length}`).join(', ');
          console.log(
            `open-data package of ${pkg.scope.code} ${pkg.scope.nameZh} written to ${dir} in ${seconds} s: ${counts}`,
          );
          console.log(
            `  licence ${pkg.license}; valid against the Frictionless Data Package 2.0 and Table Schema 2.0 profiles`,
          );
          if (pkg.wikipediaSourced > 0 && pkg.license !== 'CC-BY-SA-4.0') {
            console.log(
              `  note: ${pkg.wikipediaSourced} pairs cite English Wikipedia (CC BY-SA 4.0); their facts keep that licence — consider --license CC-BY-SA-4.0`,
            );
          }
          if (options.zip) console.log(`  and as one archive: ${options.zip}`);
        },
        'records',
      );
    });
}

/** The files of a package folder, by their path inside it. */
function filesOfDir(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

export function registerImportOpen(program: Command): void {
  program
    .command('import-open')
    .description('read an open-data package (its folder or zip) into an empty database, all or nothing')
    .argument('<path>', 'the folder amity export-open wrote, or its zip archive')
    .action(async (path: string, _options: unknown, command: Command) => {
      let files: Map<string, Uint8Array>;
      try {
        files = statSync(path).isDirectory() ? filesOfDir(path) : filesOfZip(readFileSync(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new CliError(`${path}: no such file or folder`, 2);
        throw error;
      }
      await withDb(command, async (handle) => {
        const summary = await importOpenPackage({ db: handle.db, actor: systemActor('import-open'), files });
        console.log(
          `imported ${summary.partnerships} partnerships, ${summary.places} places, ${summary.benchmarks} benchmarks and ${summary.groups} country groups from ${path}`,
        );
      });
    });
}
