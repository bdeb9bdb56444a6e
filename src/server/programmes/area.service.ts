import { AppError, notFound, validationFailed } from '../../shared/errors.js';
import type { AreaInput, AreaUpdateInput } from '../../shared/schemas/programme.js';
import type { AreaView } from '../../shared/schemas/programme-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { presentArea } from './programme.presenter.js';
import {
  deleteAreaIfVersion,
  insertAreas,
  selectArea,
  selectAreasOf,
  selectMeasuresOf,
  updateAreaIfVersion,
} from './programme.repo.js';
import { areaRow, duplicateCode, issue, loadProgramme } from './programme.service.js';

export async function createArea({
  db,
  actor,
  programmeId,
  input,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: AreaInput;
}): Promise<AreaView> {
  const programme = await loadProgramme(db, programmeId);
  assertCanWrite(actor, programme.cnCode);
  return db.transaction(async (tx) => {
    const existing = await selectAreasOf(tx, programmeId);
    if (existing.some((a) => a.code === input.code)) throw duplicateCode('programme area', input.code);
    const [row] = await insertAreas(tx, [areaRow(programmeId, input, existing.length)]);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: row.id,
      action: 'create',
      cnCode: programme.cnCode,
      after: row,
    });
    return presentArea(row);
  });
}

async function loadArea(db: DbOrTx, id: number) {
  const area = await selectArea(db, id);
  if (!area) throw notFound('programme area', id);
  return { area, programme: await loadProgramme(db, area.programmeId) };
}

export async function updateArea({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: AreaUpdateInput;
}) {
  const first = await loadArea(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  return db.transaction(async (tx) => {
    const { area, programme } = await loadArea(tx, id);
    if (area.version !== input.version) throw staleVersion('programme area', area);
    const nameZh = input.nameZh === undefined ? area.nameZh : input.nameZh;
    const nameEn = input.nameEn === undefined ? area.nameEn : input.nameEn;
    if (!nameZh && !nameEn) {
      throw validationFailed([
        issue('nameZh', 'required', null, 'an area needs nameZh or nameEn', 'keep at least one name'),
      ]);
    }
    const updated = await updateAreaIfVersion(tx, id, input.version, {
      nameZh,
      nameEn,
      position: input.position ?? area.position,
    });
    if (!updated) throw staleVersion('programme area', area);
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: id,
      action: 'update',
      cnCode: programme.cnCode,
      before: area,
      after: updated,
    });
    return presentArea(updated);
  });
}

export async function deleteArea({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  const first = await loadArea(db, id);
  assertCanWrite(actor, first.programme.cnCode);
  await db.transaction(async (tx) => {
    const { area, programme } = await loadArea(tx, id);
    const measures = (await selectMeasuresOf(tx, programme.id)).filter((m) => m.areaId === id);
    if (measures.length) {
      throw new AppError('conflict', `the area ${area.code} still has ${measures.length} measures`, {
        fix: 'move or delete its measures first',
      });
    }
    if (area.version !== version || !(await deleteAreaIfVersion(tx, id, version)))
      throw staleVersion('programme area', area);
    await writeAudit(tx, actor, {
      entity: 'programme_area',
      entityId: id,
      action: 'delete',
      cnCode: programme.cnCode,
      before: area,
    });
  });
}
