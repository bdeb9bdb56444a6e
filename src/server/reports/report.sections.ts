/**
 * The report's sections that other parts of Amity own, read through their services (never their
 * tables): projects and measured outcomes, programme progress by area, contacts (counts only),
 * partnerships at risk (the health score) and rule flags. Each becomes a ModuleSection the composer
 * prints as it is; a part with nothing recorded says so rather than estimating anything.
 */

import { inLanguage } from '../../shared/citation.js';
import { type Kind, NATIONAL_CODE } from '../../shared/enums.js';
import { ActivityListQuerySchema } from '../../shared/schemas/activity.js';
import { OUTCOME_UNITS, type OutcomeUnit } from '../../shared/schemas/project.js';
import { listActivities } from '../activities/activity.service.js';
import type { Actor } from '../auth/actor.js';
import { listContacts, listSilentContacts } from '../contacts/contact-list.service.js';
import type { DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { listHealth } from '../health/health.service.js';
import { getProgrammeEvidence, listProgrammes } from '../programmes/programme.service.js';
import { getProject, listProjects } from '../projects/project.service.js';
import type { ModuleSection, ReportData } from './report.model.js';
import { idRanges } from './report.records.js';
import { countOf, formatCount, formatDay, formatQuantity, type Lang } from './wording.js';

/** At most this many projects are read in detail for their outcomes; the rest are counted. */
const PROJECTS_READ = 100;
const LISTED = 50;

type Input = { db: DbOrTx; actor: Actor; scope: string; asOf: string; kind: Kind; lang: Lang };

const w = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
const cnOf = (scope: string) => (scope === NATIONAL_CODE ? undefined : scope);

function unitName(unit: string, lang: Lang): string {
  const known = OUTCOME_UNITS[unit as OutcomeUnit];
  return known ? known[lang] : unit;
}

/** Projects of the scope that have measured outcomes, each outcome with its value, unit and date. */
export async function projectsSection({ db, actor, scope, lang }: Input): Promise<ModuleSection> {
  const list = await listProjects({ db, actor, query: { cn: cnOf(scope), page: 1, perPage: PROJECTS_READ } });
  if (list.total === 0) return null;
  const details = await readAll(
    db,
    list.data.map((p) => () => getProject({ db, actor, id: p.id })),
  );
  const measured = details.filter((p) => p.outcomes.length > 0);
  const rows = measured.flatMap((p) =>
    p.outcomes.map((o) => [
      `${(lang === 'zh' ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)) ?? `#${p.id}`}${p.isDemo ? w(lang, '（示例）', ' (illustrative)') : ''}`,
      (lang === 'zh' ? (o.metricZh ?? o.metricEn) : (o.metricEn ?? o.metricZh)) ?? '',
      // 5亿人, 500,000,000 people: Chinese puts no space between a number and its unit.
      `${formatQuantity(o.value, lang)}${lang === 'zh' ? '' : ' '}${unitName(o.unit, lang)}`.trim(),
      o.asOf,
      `${inLanguage(o.evidence ?? '', lang)}${o.isDemo ? w(lang, '（示例数据）', ' (illustrative)') : ''}`,
    ]),
  );
  const unread = list.total - list.data.length;
  const paragraphs = [
    w(
      lang,
      `登记系统收录本范围合作项目${formatCount(list.total, lang)}个，其中${formatCount(measured.length, lang)}个有可计量的成效（项目记录${idRanges(measured.map((p) => p.id)) || '无'}）${unread > 0 ? `；另有${formatCount(unread, lang)}个项目未逐一列出` : ''}。`,
      `The registry holds ${countOf(list.total, lang, ['cooperation project', 'cooperation projects'], '个')} in this scope; ${formatCount(measured.length, lang)} of them ${measured.length === 1 ? 'has' : 'have'} measured outcomes (project records ${idRanges(measured.map((p) => p.id)) || 'none'})${unread > 0 ? `; ${formatCount(unread, lang)} more are not listed` : ''}.`,
    ),
  ];
  return rows.length === 0
    ? { paragraphs }
    : {
        paragraphs,
        table: {
          columns:
            lang === 'zh'
              ? ['项目', '成效', '数值', '时间', '依据']
              : ['Project', 'Outcome', 'Value', 'As of', 'Evidence'],
          rows,
        },
      };
}

/** Each programme of the scope: per area, how many measures have evidence (activities or projects). */
export async function programmesSection({ db, actor, scope, lang }: Input): Promise<ModuleSection> {
  const list = await listProgrammes({ db, actor, query: { cn: cnOf(scope), page: 1, perPage: 20 } });
  if (list.total === 0) return null;
  const paragraphs: string[] = [];
  const rows: string[][] = [];
  for (const programme of list.data) {
    const evidence = await getProgrammeEvidence({ db, actor, id: programme.id });
    const name =
      (lang === 'zh' ? (programme.nameZh ?? programme.nameEn) : (programme.nameEn ?? programme.nameZh)) ?? '';
    const without = evidence.areas
      .filter((a) => a.withEvidence === 0)
      .map((a) => (lang === 'zh' ? a.nameZh : a.nameEn) ?? a.code);
    paragraphs.push(
      w(
        lang,
        `${name}：共${formatCount(evidence.measures, lang)}项措施，${formatCount(evidence.withEvidence, lang)}项有活动或项目佐证${without.length ? `；尚无佐证的领域：${without.join('、')}` : '；各领域均有佐证'}。`,
        `${name}: ${countOf(evidence.measures, lang, ['measure', 'measures'], '项')}, ${formatCount(evidence.withEvidence, lang)} with evidence from activities or projects${without.length ? `; areas with no evidence yet: ${without.join(', ')}` : '; every area has evidence'}.`,
      ),
    );
    for (const area of evidence.areas) {
      rows.push([
        name,
        (lang === 'zh' ? area.nameZh : area.nameEn) ?? area.code,
        formatCount(area.measures, lang),
        formatCount(area.withEvidence, lang),
        formatCount(area.withActivities, lang),
        formatCount(area.withProjects, lang),
        area.progress === null ? '—' : `${area.progress}%`,
      ]);
    }
  }
  return {
    paragraphs,
    table: {
      columns:
        lang === 'zh'
          ? ['计划', '领域', '措施', '有佐证', '有活动', '有项目', '平均进度']
          : ['Programme', 'Area', 'Measures', 'With evidence', 'With activities', 'With projects', 'Progress'],
      rows,
    },
  };
}

/** Contacts as counts only (personal data): how many are kept, how many not contacted for 12 months. */
export async function contactsSection({ db, actor, scope, asOf, lang }: Input): Promise<ModuleSection> {
  if (!actor.canSeeContacts) {
    return {
      paragraphs: [
        w(
          lang,
          '联系人属个人信息，您的账号无权查看，本节不列出。',
          'Contacts are personal data your account may not see; this part is left out.',
        ),
      ],
    };
  }
  const cn = cnOf(scope);
  const [all, silent] = await readAll(db, [
    () => listContacts({ db, actor, query: { cn, page: 1, perPage: 1 } }),
    () => listSilentContacts({ db, actor, query: { cn, page: 1, perPage: 1, months: 12, asOf } }),
  ]);
  if (all.total === 0) return null;
  return {
    paragraphs: [
      w(
        lang,
        `登记系统保有联系人${formatCount(all.total, lang)}名，其中${formatCount(silent.total, lang)}名已超过12个月未联系。报告只给出人数，不列姓名。`,
        `The registry keeps ${countOf(all.total, lang, ['contact', 'contacts'], '名')}; ${formatCount(silent.total, lang)} of them ${silent.total === 1 ? 'has' : 'have'} not been contacted for 12 months. The report gives counts only, never names.`,
      ),
    ],
  };
}

/**
 * Above this many pairs the health of every pair is not scored for the report (it takes tens of
 * seconds at national scale); the section points to the health page, which pages through them.
 */
const HEALTH_SCORED_MAX = 20_000;

async function healthTooLarge({ lang, pairs }: Input & { pairs: number }): Promise<ModuleSection> {
  return {
    paragraphs: [
      w(
        lang,
        `本范围友城${formatCount(pairs, lang)}对，逐对健康度评估不在本报告中展开，请在“活跃度”页面（/api/health）按省市查看。`,
        `This scope has ${formatCount(pairs, lang)} partnerships; their health is not scored pair by pair in this report. See the health page (/api/health) by province or city.`,
      ),
    ],
  };
}

/** Partnerships the health score suggests are at risk or dormant though recorded active. */
export async function healthSection({ db, actor, scope, asOf, kind, lang }: Input): Promise<ModuleSection> {
  const list = await listHealth({
    db,
    actor,
    query: {
      scope,
      asOf,
      kind,
      suggestion: ['at_risk', 'dormant'],
      status: 'active',
      sort: 'quiet',
      page: 1,
      perPage: LISTED,
    },
  });
  const atRisk = list.counts.at_risk;
  const onPaper = list.counts.dormantOnPaper;
  const paragraphs = [
    w(
      lang,
      `按健康度评估，${formatCount(atRisk, lang)}对友城存在风险，${formatCount(onPaper, lang)}对登记为正常但实际已休眠（“纸面友城”）。建议对这些友城逐一制定交流计划，一年内无法恢复的按程序办理终止。`,
      `By the health score, ${countOf(atRisk, lang, ['partnership is', 'partnerships are'], '对')} at risk and ${countOf(onPaper, lang, ['is', 'are'], '对')} recorded active but dormant in fact ("on paper"). Suggested action: plan an exchange with each; end formally those that cannot be revived within a year.`,
    ),
  ];
  if (list.data.length === 0) return { paragraphs };
  return {
    paragraphs,
    table: {
      columns: lang === 'zh' ? ['编号', '友城', '建议状态', '原因'] : ['No.', 'Partnership', 'Suggested', 'Why'],
      rows: list.data.map((h) => [
        `#${h.id}`,
        lang === 'zh'
          ? `${h.cnNameZh}—${h.partnerNameZh ?? h.partnerNameEn ?? ''}`
          : `${h.cnNameEn} – ${h.partnerNameEn ?? h.partnerNameZh ?? ''}`,
        h.suggestion === 'dormant' ? w(lang, '休眠', 'dormant') : w(lang, '有风险', 'at risk'),
        h.reason[lang === 'zh' ? 'zh-CN' : 'en'] ?? '',
      ]),
    },
  };
}

/** Activities of the year that break one of the office's rules. */
export async function ruleFlagsSection({
  db,
  actor,
  scope,
  asOf,
  lang,
}: Input & { from: string }): Promise<ModuleSection> {
  const from = `${asOf.slice(0, 4)}-01-01`;
  const list = await listActivities({
    db,
    actor,
    query: ActivityListQuerySchema.parse({ cn: cnOf(scope), from, to: asOf, flagged: 'true', perPage: LISTED }),
  });
  const day = formatDay(asOf, lang);
  if (list.total === 0) {
    return {
      paragraphs: [
        w(
          lang,
          `${asOf.slice(0, 4)}年（截至${day}）没有违反规则的活动记录。`,
          `No activity in ${asOf.slice(0, 4)} up to ${day} breaks an office rule.`,
        ),
      ],
    };
  }
  return {
    paragraphs: [
      w(
        lang,
        `${asOf.slice(0, 4)}年有${formatCount(list.total, lang)}项活动触发规则提示（活动记录${idRanges(list.data.map((a) => a.id))}${list.total > list.data.length ? '等' : ''}），建议逐项核实并补齐审批或说明。`,
        `${countOf(list.total, lang, ['activity', 'activities'], '项')} in ${asOf.slice(0, 4)} ${list.total === 1 ? 'breaks' : 'break'} an office rule (activity records ${idRanges(list.data.map((a) => a.id))}${list.total > list.data.length ? ' and more' : ''}). Suggested action: check each and add the missing approval or explanation.`,
      ),
    ],
  };
}

/** Every module section, read in the report's snapshot. */
export async function collectModuleSections(input: Input & { pairs: number }): Promise<ReportData['modules']> {
  const [projects, programmes, contacts, health, ruleFlags] = await readAll(input.db, [
    () => projectsSection(input),
    () => programmesSection(input),
    () => contactsSection(input),
    () => (input.pairs > HEALTH_SCORED_MAX ? healthTooLarge(input) : healthSection(input)),
    () => ruleFlagsSection({ ...input, from: `${input.asOf.slice(0, 4)}-01-01` }),
  ]);
  return { projects, programmes, contacts, health, ruleFlags };
}
