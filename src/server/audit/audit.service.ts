/**
 * Reading the audit trail: one record's history for whoever may read the record, and the export of
 * an office's trail for its admins. Nothing here changes the trail; the database refuses it anyway.
 */
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../shared/errors.js';
import type { AuditEntryView } from '../../shared/schemas/audit-view.js';
import { type Actor, assertCanAdmin, assertCanRead, assertCanSeeContacts, assertSignedIn } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { neutraliseCell } from '../imports/export.service.js';
import { type AuditRow, selectAuditPage, selectRecordAudit } from './audit.repo.js';

/** Record types whose trail holds personal data. */
const PERSONAL = new Set(['contact', 'contact_role', 'contact_link', 'contact_touch']);

// Field by field, so that a column added to the trail is not sent before someone decides it should be.
export function presentAudit(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorName: row.actorName,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    cnCode: row.cnCode,
    before: row.before,
    after: row.after,
    importRunId: row.importRunId,
  };
}

function assertCanReadEntry(actor: Actor, row: Pick<AuditRow, 'entity' | 'cnCode'>): void {
  if (PERSONAL.has(row.entity)) assertCanSeeContacts(actor, row.cnCode ?? actor.scopeCode);
  if (row.cnCode === null) assertCanAdmin(actor, actor.scopeCode);
  else assertCanRead(actor, row.cnCode);
}

export async function getRecordAudit(args: {
  db: Db;
  actor: Actor;
  entity: string;
  entityId: number;
}): Promise<AuditEntryView[]> {
  const { db, actor } = args;
  assertSignedIn(actor);
  const rows = await selectRecordAudit(db, args.entity, args.entityId);
  for (const row of rows) assertCanReadEntry(actor, row);
  return rows.map(presentAudit);
}

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const CSV_HEADER = [
  'id',
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'entity',
  'entity_id',
  'action',
  'cn_code',
  'import_run_id',
  'before',
  'after',
];

/** The trail of the admin's scope (rows of other scopes, and personal data without the permission, left out), in pages. */
export async function* exportAudit(args: {
  db: Db;
  actor: Actor;
  format: AuditExportFormat;
  from?: string;
  to?: string;
  entity?: string;
}): AsyncGenerator<string> {
  const { db, actor, format } = args;
  assertCanAdmin(actor, actor.scopeCode);
  if (args.from && args.to && args.from > args.to) {
    throw new AppError('validation_failed', 'from is after to', {
      issues: [{ path: 'from', rule: 'range', message: `${args.from} is after ${args.to}`, fix: 'swap the dates' }],
    });
  }
  if (format === 'csv') yield `\uFEFF${stringify([CSV_HEADER], { record_delimiter: 'windows' })}`;
  let after = 0;
  for (;;) {
    const rows = await selectAuditPage(
      db,
      { scopeCode: actor.scopeCode, from: args.from, to: args.to, entity: args.entity },
      after,
      2000,
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    const visible = rows.filter((r) => !PERSONAL.has(r.entity) || actor.canSeeContacts).map(presentAudit);
    if (format === 'jsonl') {
      yield visible.map((v) => `${JSON.stringify(v)}\n`).join('');
    } else {
      yield stringify(
        visible.map((v) =>
          [
            v.id,
            v.at,
            v.actorKind,
            v.actorId ?? '',
            v.actorName,
            v.entity,
            v.entityId,
            v.action,
            v.cnCode ?? '',
            v.importRunId ?? '',
            JSON.stringify(v.before),
            JSON.stringify(v.after),
          ].map((cell) => neutraliseCell(String(cell))),
        ),
        { record_delimiter: 'windows' },
      );
    }
  }
}
