/**
 * A contact's touches: an explicit "contacted on" entry (a call, a meeting, a letter), added and
 * removed by whoever may change the contact. Personal data: the contacts permission is checked
 * against the office that keeps the contact. Every change is written to the audit trail.
 */
import { today } from '../../shared/dates.js';
import { notFound, validationFailed } from '../../shared/errors.js';
import type { ContactTouchCreateInput } from '../../shared/schemas/contact.js';
import type { ContactTouchView } from '../../shared/schemas/contact-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { presentTouch } from './contact.presenter.js';
import { deleteTouch, insertTouch, selectTouch } from './contact.repo.js';
import { visible } from './contact.service.js';

export async function addTouch({
  db,
  actor,
  contactId,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  contactId: number;
  input: ContactTouchCreateInput;
  isDemo?: boolean;
}): Promise<ContactTouchView> {
  return db.transaction(async (tx) => {
    const contact = await visible(tx, actor, contactId);
    assertCanWrite(actor, contact.cnCode);
    if (input.touchedOn > today()) {
      throw validationFailed([
        {
          path: 'touchedOn',
          rule: 'future_date',
          value: input.touchedOn,
          message: 'the day of the contact is in the future',
          fix: 'record a contact once it has happened',
        },
      ]);
    }
    const row = await insertTouch(tx, {
      contactId,
      touchedOn: input.touchedOn,
      channel: input.channel,
      note: input.note || null,
      isDemo,
    });
    const view = presentTouch(row);
    await writeAudit(tx, actor, {
      entity: 'contact_touch',
      entityId: row.id,
      action: 'create',
      cnCode: contact.cnCode,
      after: view,
    });
    return view;
  });
}

export async function removeTouch({
  db,
  actor,
  contactId,
  touchId,
}: {
  db: Db;
  actor: Actor;
  contactId: number;
  touchId: number;
}) {
  await db.transaction(async (tx) => {
    const contact = await visible(tx, actor, contactId);
    assertCanWrite(actor, contact.cnCode);
    const touch = await selectTouch(tx, touchId);
    if (!touch || touch.contactId !== contactId) throw notFound('contact touch', touchId);
    await deleteTouch(tx, touchId);
    await writeAudit(tx, actor, {
      entity: 'contact_touch',
      entityId: touchId,
      action: 'delete',
      cnCode: contact.cnCode,
      before: presentTouch(touch),
    });
  });
}
