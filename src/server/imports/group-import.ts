/**
 * Importing an office's own country groups (e.g. the countries that signed a Belt and Road
 * cooperation document with China) into country_groups and country_group_members. A file adds and
 * updates members; it never removes one. The group Amity ships (bri) is never written.
 */
import { bi } from '../../shared/bilingual.js';
import type { DbOrTx } from '../db/client.js';
import type { ColumnMap } from './columns.js';
import { GROUP_CODE_PATTERN, SHIPPED_GROUPS } from './import.schema.js';
import type { TableRow } from './parsers.js';
import type { ProblemList } from './problems.js';
import {
  type GroupRecord,
  type MemberRecord,
  selectGroups,
  selectMembers,
  upsertGroups,
  upsertMembers,
} from './reference-import.repo.js';
import { CellReader } from './values.js';

type GroupRow = {
  row: number;
  groupCode: string;
  nameZh: string | null | undefined;
  nameEn: string | null | undefined;
  countryIso2: string;
  joinedOn: string | null | undefined;
  sourceUrl: string | null | undefined;
};

export function readGroupRows(rows: readonly TableRow[], map: ColumnMap, problems: ProblemList) {
  const reader = new CellReader(map, problems);
  const out: GroupRow[] = [];
  for (const row of rows) {
    reader.start(row);
    const rawCode = reader.raw('group_code') ?? '';
    const groupCode = rawCode.toLowerCase();
    if (!groupCode) {
      reader.required(
        'group_code',
        bi('缺少分组代码', 'the group code is missing'),
        bi('请填写简短代码，如 bri_docs', 'give a short code such as bri_docs'),
      );
    } else if (SHIPPED_GROUPS.includes(groupCode)) {
      reader.fail('group_code', {
        rule: 'shipped_group',
        value: rawCode,
        message: bi(
          `${groupCode} 是系统自带的“一带一路”分组；外办自己的分组须另用代码`,
          `${groupCode} is the Belt and Road group that Amity ships; an office's own group needs a code of its own`,
        ),
        fix: bi(`请换一个代码，如 ${groupCode}_docs`, `use another code, e.g. ${groupCode}_docs`),
      });
    } else if (!GROUP_CODE_PATTERN.test(groupCode)) {
      reader.fail('group_code', {
        rule: 'invalid_code',
        value: rawCode,
        message: bi('不是有效的分组代码', 'not a group code'),
        fix: bi(
          '最多 40 个小写字母、数字、- 和 _，如 bri_docs',
          'use up to 40 lower-case letters, digits, - and _, e.g. bri_docs',
        ),
      });
    }
    const nameZh = reader.text('group_name_zh');
    const nameEn = reader.text('group_name_en');
    const country = reader.country('country');
    if (country === null && reader.raw('country') === '') {
      reader.required(
        'country',
        bi('缺少国家', 'the country is missing'),
        bi('请填写 ISO 3166 两位代码（如 GH）或国名', 'give an ISO 3166 alpha-2 code such as GH, or the name'),
      );
    }
    const joined = reader.partialDate('joined_on', { notFuture: true });
    const sourceUrl = reader.url('source_url');
    if (!reader.ok || !country) continue;
    out.push({
      row: row.row,
      groupCode,
      nameZh,
      nameEn,
      countryIso2: country.iso2,
      joinedOn: joined === undefined ? undefined : (joined?.date ?? null),
      sourceUrl,
    });
  }
  return out;
}

export async function importGroupRows({
  tx,
  rows,
  problems,
  columns,
  dryRun,
  fileName,
}: {
  tx: DbOrTx;
  rows: readonly GroupRow[];
  problems: ProblemList;
  columns: ColumnMap;
  dryRun: boolean;
  fileName: string;
}) {
  // One name per group: the first row that gives it; a different one later is a problem.
  const groups = new Map<string, { zh?: { value: string; row: number }; en?: { value: string; row: number } }>();
  const firstRow = new Map<string, number>();
  const unique: GroupRow[] = [];
  const groupFirstRow = new Map<string, number>();
  for (const r of rows) {
    const g = groups.get(r.groupCode) ?? {};
    if (!groups.has(r.groupCode)) groupFirstRow.set(r.groupCode, r.row);
    groups.set(r.groupCode, g);
    for (const [lang, field, value] of [
      ['zh', 'group_name_zh', r.nameZh],
      ['en', 'group_name_en', r.nameEn],
    ] as const) {
      if (!value) continue;
      const first = g[lang];
      if (!first) g[lang] = { value, row: r.row };
      else if (first.value !== value) {
        problems.add({
          row: r.row,
          column: columns.header(field),
          field,
          rule: 'inconsistent_group',
          value,
          message: bi(
            `第 ${first.row} 行给分组 ${r.groupCode} 的名称是“${first.value}”`,
            `row ${first.row} names group ${r.groupCode} "${first.value}"`,
          ),
          fix: bi(
            '同一分组每行名称须相同（或第一行之后留空）',
            'give the group one name in every row (or leave the name empty after the first row)',
          ),
          otherRow: first.row,
        });
      }
    }
    const key = `${r.groupCode}|${r.countryIso2}`;
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      problems.add({
        row: r.row,
        column: columns.header('country'),
        field: 'country',
        rule: 'duplicate_row',
        value: r.countryIso2,
        message: bi(
          `${r.countryIso2} 已在第 ${seen} 行列入分组 ${r.groupCode}`,
          `${r.countryIso2} is already in group ${r.groupCode} in row ${seen}`,
        ),
        fix: bi(`请在第 ${seen} 行和第 ${r.row} 行中只保留一行`, `keep one of rows ${seen} and ${r.row}`),
        otherRow: seen,
      });
      continue;
    }
    firstRow.set(key, r.row);
    unique.push(r);
  }

  const stored = new Map((await selectGroups(tx, [...groups.keys()])).map((g) => [g.code, g]));
  const groupWrites: GroupRecord[] = [];
  for (const [code, names] of groups) {
    const current = stored.get(code);
    const nameZh = names.zh?.value ?? current?.nameZh;
    const nameEn = names.en?.value ?? current?.nameEn;
    if (!nameZh || !nameEn) {
      const field = nameZh ? 'group_name_en' : 'group_name_zh';
      problems.add({
        row: groupFirstRow.get(code) ?? null,
        column: columns.header(field),
        field,
        rule: 'required',
        message: bi(
          `分组 ${code} 是新分组，需要中文名和英文名`,
          `group ${code} is new and needs its Chinese and English names`,
        ),
        fix: bi(
          '请在该分组的第一行填写分组中文名和英文名',
          'give group_name_zh and group_name_en in the first row of the group',
        ),
      });
      continue;
    }
    if (!current || current.nameZh !== nameZh || current.nameEn !== nameEn) {
      groupWrites.push({ code, nameZh, nameEn, source: current?.source ?? `import: ${fileName}` });
    }
  }

  const existing = new Map(
    (await selectMembers(tx, unique)).map((m) => [`${m.groupCode}|${m.countryIso2}`, m] as const),
  );
  const writes: MemberRecord[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of unique) {
    const current = existing.get(`${r.groupCode}|${r.countryIso2}`);
    const member: MemberRecord = {
      groupCode: r.groupCode,
      countryIso2: r.countryIso2,
      joinedOn: r.joinedOn === undefined ? (current?.joinedOn ?? null) : r.joinedOn,
      source: r.sourceUrl === undefined ? (current?.source ?? null) : r.sourceUrl,
    };
    if (!current) added += 1;
    else if (current.joinedOn === member.joinedOn && current.source === member.source) {
      unchanged += 1;
      continue;
    } else updated += 1;
    writes.push(member);
  }
  const result = { added, updated, unchanged, placesAdded: 0 };
  if (problems.count > 0 || dryRun) return result;
  await upsertGroups(tx, groupWrites);
  await upsertMembers(tx, writes);
  return result;
}
