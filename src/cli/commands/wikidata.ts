/**
 * `amity wikidata …`: the registry beside a Wikidata P190 extract the user provides (no network):
 * the QuickStatements file of the statements Wikidata lacks, the "differs from Wikidata" list, and
 * Wikidata items proposed for foreign places, which a person confirms.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { systemActor } from '../../server/auth/actor.js';
import {
  confirmWikidataMatch,
  quickStatements,
  wikidataDifferences,
  wikidataMatches,
} from '../../server/open/wikidata.service.js';
import { readWikidataExtract } from '../../server/open/wikidata-extract.js';
import { CliError, withDb } from '../context.js';

type Common = { extract: string; scope: string };

function checkScope(scope: string): void {
  if (!/^\d{6}$/.test(scope)) throw new CliError(`--scope ${scope}: give a six-digit GB/T 2260 code`, 2);
}

const DIFFERENCE_COLUMNS = [
  'kind',
  'cnCode',
  'cnName',
  'cnQid',
  'partnerQid',
  'partnerLabel',
  'partnershipId',
  'amityPartner',
  'amityStart',
  'wikidataStart',
  'note',
] as const;

export function registerWikidata(program: Command): void {
  const wikidata = program
    .command('wikidata')
    .description('beside a Wikidata P190 extract: QuickStatements of what it lacks, the differences, item matches');

  wikidata
    .command('quickstatements')
    .description('write the P190 statements the extract lacks (both directions, P580/P582, P854/P813) to FILE')
    .argument('<file>', 'the QuickStatements (V1, tab-separated) file to write')
    .requiredOption('--extract <dir>', 'the folder of the extract (relations.tsv, names.tsv)')
    .option('--scope <code>', 'a division and everything under it, or 000000 for all', '000000')
    .action(async (file: string, options: Common, command: Command) => {
      checkScope(options.scope);
      const extract = readWikidataExtract(options.extract);
      await withDb(
        command,
        async (handle) => {
          const result = await quickStatements({
            db: handle.db,
            actor: systemActor('wikidata'),
            extract,
            scope: options.scope,
          });
          writeFileSync(file, result.text);
          const s = result.skipped;
          console.log(
            `${result.lines.length} statements (${result.written.length} pairs, both directions) written to ${file}, of ${result.pairs} published pairs`,
          );
          console.log(
            `  left out: ${s.alreadyInWikidata} already in Wikidata both ways, ${s.noWikidataItem} without a Wikidata item on both sides, ${s.noSource} without a source, ${s.sourceIsWikidata} sourced to Wikidata itself, ${s.noDate} without a signing date`,
          );
        },
        'records',
      );
    });

  wikidata
    .command('differs')
    .description(
      'write the pairs that differ from Wikidata (partners, one-sided statements, dates) to FILE (.csv or .json)',
    )
    .argument('<file>', 'the list to write: .csv, or .json for the same rows as JSON')
    .requiredOption('--extract <dir>', 'the folder of the extract (relations.tsv, names.tsv)')
    .option('--scope <code>', 'a division and everything under it, or 000000 for all', '000000')
    .action(async (file: string, options: Common, command: Command) => {
      checkScope(options.scope);
      if (!/\.(csv|json)$/i.test(file)) throw new CliError(`${file}: name the file *.csv or *.json`, 2);
      const extract = readWikidataExtract(options.extract);
      await withDb(
        command,
        async (handle) => {
          const result = await wikidataDifferences({
            db: handle.db,
            actor: systemActor('wikidata'),
            extract,
            scope: options.scope,
          });
          const rows = result.differences;
          writeFileSync(
            file,
            file.toLowerCase().endsWith('.json')
              ? `${JSON.stringify(rows, null, 2)}\n`
              : stringify(rows, { header: true, columns: [...DIFFERENCE_COLUMNS] }),
          );
          const byKind = new Map<string, number>();
          for (const row of rows) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
          console.log(
            `${rows.length} differences written to ${file}: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
          );
          console.log(
            `  compared ${result.pairs} signed pairs; ${result.divisionsWithItem} divisions with a Wikidata item; ${result.pairsWithoutPartnerItem} of their pairs have a partner without one (see amity wikidata match)`,
          );
        },
        'records',
      );
    });

  wikidata
    .command('match')
    .description('propose Wikidata items for foreign places that have none; --confirm PLACE=QID sets one')
    .requiredOption('--extract <dir>', 'the folder of the extract (relations.tsv, names.tsv)')
    .option('--scope <code>', 'a division and everything under it, or 000000 for all', '000000')
    .option('--confirm <place=qid...>', 'set these items, e.g. --confirm 12=Q3844 (place id from the list)')
    .action(async (options: Common & { confirm?: string[] }, command: Command) => {
      checkScope(options.scope);
      const extract = readWikidataExtract(options.extract);
      const confirmations = (options.confirm ?? []).map((text) => {
        const match = /^(\d+)=(Q[1-9]\d*)$/.exec(text);
        if (!match) throw new CliError(`--confirm ${text}: write PLACE_ID=QID, e.g. 12=Q3844`, 2);
        return { placeId: Number(match[1]), qid: match[2] as string };
      });
      await withDb(
        command,
        async (handle) => {
          const actor = systemActor('wikidata');
          for (const c of confirmations) {
            const place = await confirmWikidataMatch({ db: handle.db, actor, ...c });
            console.log(`place ${c.placeId} ${place.nameEn ?? place.nameZh}: wikidata ${c.qid}`);
          }
          if (confirmations.length) return;
          const proposals = await wikidataMatches({ db: handle.db, actor, extract, scope: options.scope });
          for (const p of proposals) {
            console.log(
              `${p.confidence.padEnd(6)} place ${p.placeId} ${p.place} (${p.countryIso2}) → ${p.qid} — ${p.why}`,
            );
          }
          console.log(`${proposals.length} proposals; confirm with --confirm PLACE=QID (each is audited)`);
        },
        'records',
      );
    });
}
