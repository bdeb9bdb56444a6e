/**
 * The deliberate export of contacts (personal data): confirmed, with a purpose that goes into the
 * audit trail of every exported person.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { today } from '../../shared/dates.js';
import { validationFailed } from '../../shared/errors.js';
import { CONTACT_LIMITS, type ContactExportInput } from '../../shared/schemas/contact.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { neutraliseCell } from '../imports/export.service.js';
import { selectContactRoles, selectContactsForExport } from './contact.repo.js';
import { roleCovers } from './contact.rules.js';
import { resolveFilter } from './contact-list.service.js';

const EXPORT_COLUMNS = [
  ['id', 'ID'],
  ['category', '类别'],
  ['name_zh', '中文姓名'],
  ['name_en', '英文姓名'],
  ['name_original', '原文姓名'],
  ['country_iso2', '国家'],
  ['city', '城市'],
  ['organisation', '单位'],
  ['current_posts', '现任职务'],
  ['languages', '语言'],
  ['email', '电子邮件'],
  ['phone', '电话'],
  ['last_contact', '最近联系'],
  ['cn_code', '所属地区代码'],
  ['notes', '备注'],
  ['is_demo', '示例数据'],
] as const;

export type ContactExport = { body: string | Buffer; contentType: string; fileName: string; count: number };

/**
 * A deliberate export of the contacts of a filter: the caller has confirmed and given a purpose.
 * Every exported contact gets an `export` entry in the audit trail with the purpose, so a person's
 * trail shows each time their data left the system, and by whom.
 */
export async function exportContacts({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: ContactExportInput;
}): Promise<ContactExport> {
  const filter = resolveFilter(actor, input);
  if (input.confirm !== true) {
    throw validationFailed([
      { path: 'confirm', rule: 'required', message: 'confirm the export of personal data', fix: 'send confirm: true' },
    ]);
  }
  return db.transaction(async (tx) => {
    const asOf = today();
    const rows = await selectContactsForExport(tx, filter, asOf, CONTACT_LIMITS.exportRowsMax + 1);
    if (rows.length > CONTACT_LIMITS.exportRowsMax) {
      throw validationFailed([
        {
          path: 'cn',
          rule: 'too_many',
          value: rows.length,
          message: `more than ${CONTACT_LIMITS.exportRowsMax} contacts match`,
          fix: 'narrow the export by division, category or search',
        },
      ]);
    }
    const roles = await selectContactRoles(
      tx,
      rows.map((r) => r.id),
    );
    const cells = rows.map((r) => {
      const current = (roles.get(r.id) ?? []).filter((role) => roleCovers(role, asOf));
      return [
        String(r.id),
        r.category,
        r.nameZh ?? '',
        r.nameEn ?? '',
        r.nameOriginal ?? '',
        r.countryIso2 ?? '',
        r.city ?? '',
        r.organisation ?? '',
        current.map((role) => `${role.organisation} ${role.post}`).join('; '),
        r.languages.join(' '),
        r.email ?? '',
        r.phone ?? '',
        r.lastContact ?? '',
        r.cnCode,
        r.notes ?? '',
        r.isDemo ? 'true' : 'false',
      ];
    });
    const summary = {
      purpose: input.purpose,
      format: input.format,
      rows: rows.length,
      filter: {
        cn: input.cn ?? null,
        q: input.q ?? null,
        category: input.category ?? null,
        country: input.country ?? null,
      },
    };
    for (let i = 0; i < rows.length; i += 1000) {
      await writeAudit(
        tx,
        actor,
        rows
          .slice(i, i + 1000)
          .map((r) => ({ entity: 'contact', entityId: r.id, action: 'export', cnCode: r.cnCode, after: summary })),
      );
    }
    const stamp = asOf.replaceAll('-', '');
    if (input.format === 'csv') {
      const header = EXPORT_COLUMNS.map(([en]) => en);
      const body = `\uFEFF${stringify([header, ...cells.map((row) => row.map(neutraliseCell))])}`;
      return { body, contentType: 'text/csv; charset=utf-8', fileName: `contacts-${stamp}.csv`, count: rows.length };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Amity';
    const sheet = workbook.addWorksheet('contacts', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(EXPORT_COLUMNS.map(([en, zh]) => `${zh} ${en}`));
    for (const row of cells) sheet.addRow(row);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `contacts-${stamp}.xlsx`,
      count: rows.length,
    };
  });
}
