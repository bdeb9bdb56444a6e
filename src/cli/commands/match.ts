/**
 * `amity match`: the suggested partners of a Chinese division, one line each with its score and the
 * reasons, or the exact JSON of GET /api/match/suggestions.
 */
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { DbOrTx } from '../../server/db/client.js';
import { suggest } from '../../server/match/suggestion.service.js';
import { isAppError } from '../../shared/errors.js';
import { type Suggestions, SuggestionsQuerySchema } from '../../shared/schemas/match.js';
import { CliError, withDb } from '../context.js';

export type MatchOptions = {
  cn: string;
  limit?: string;
  weights?: string;
  country?: string;
  json?: boolean;
  lang?: string;
};

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('suggested partners for a Chinese division, each with its score and reasons')
    .requiredOption('--cn <code>', 'GB/T 2260 code of the division seeking partners, e.g. 430100')
    .option('--limit <n>', 'how many suggestions', '10')
    .option('--weights <list>', 'key:weight pairs (0–3), e.g. size:2,role:1,bri:0')
    .option('--country <iso2>', 'only candidates in this country')
    .option('--lang <lang>', 'zh or en: the language of the reasons', 'zh')
    .option('--json', 'print the exact JSON of the API instead of the summary')
    .action(async (options: MatchOptions, command: Command) => {
      const output = await withDb(command, (handle) => runMatch(handle.db, options), 'records');
      console.log(output);
    });
}

const OPTION_OF: Record<string, string> = { cn: '--cn', limit: '--limit', weights: '--weights', country: '--country' };

/** Runs the command against a database and returns what it prints. */
export async function runMatch(db: DbOrTx, options: MatchOptions): Promise<string> {
  const input = Object.fromEntries(
    Object.entries({ cn: options.cn, limit: options.limit, weights: options.weights, country: options.country }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const parsed = SuggestionsQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? '');
    throw new CliError(`${OPTION_OF[path] ?? path}: ${issue?.message ?? 'invalid'}`, 2);
  }
  if (options.lang && !['zh', 'en'].includes(options.lang)) throw new CliError('--lang: zh or en', 2);
  try {
    const result = await suggest({ db, actor: systemActor('cli'), query: parsed.data });
    return options.json
      ? JSON.stringify(result, null, 2)
      : formatSuggestions(result, options.lang === 'en' ? 'en' : 'zh');
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') {
      const issue = error.details.issues?.[0];
      throw new CliError(issue ? `${OPTION_OF[issue.path] ?? issue.path}: ${issue.message}` : error.message, 2);
    }
    throw error;
  }
}

/** One block per suggestion: rank, score, name and country, then its three strongest reasons. */
export function formatSuggestions(s: Suggestions, lang: 'zh' | 'en'): string {
  const population = s.cn.population
    ? `population ${s.cn.population.toLocaleString('en')} (${s.cn.populationSource})`
    : 'population unknown';
  const lines = [
    `${s.cn.nameZh} ${s.cn.nameEn} (${s.cn.code})  ${population}  as of ${s.asOf}`,
    `${s.candidateCount.toLocaleString('en')} places considered; excluded: ${
      s.exclusions.map((e) => `${e.rule} ${e.count}`).join(', ') || 'none'
    }${s.policyScope ? `  (policy of ${s.policyScope})` : ''}`,
  ];
  s.items.forEach((item, i) => {
    const name = item.nameZh ? `${item.name} ${item.nameZh}` : item.name;
    const country = lang === 'en' ? item.countryNameEn : item.countryNameZh;
    lines.push(
      `${String(i + 1).padStart(3)}. ${item.score.toFixed(1).padStart(5)}  ${name}, ${country}  [${item.key}]`,
    );
    for (const f of item.factors.slice(0, 3))
      lines.push(`          ${f.points.toFixed(1).padStart(5)}  ${f.text[lang]}`);
  });
  if (s.items.length === 0) lines.push('no candidate passes the rules');
  return lines.join('\n');
}
