/**
 * The demo's contacts: data/demo/contacts.json, ILLUSTRATIVE ONLY — made-up people with obviously
 * fictitious names, loaded with isDemo = true through the real service (so every rule applies).
 * Touch dates are months before the day of loading, so the not-contacted list always shows some.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { today } from '../../shared/dates.js';
import { ContactCreateSchema, TOUCH_CHANNELS } from '../../shared/schemas/contact.js';
import { systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { selectDemoContactKeys, selectPartnershipIdByNames } from './contact.repo.js';
import { monthsBefore } from './contact.rules.js';
import { createContact } from './contact.service.js';
import { addTouch } from './touch.service.js';

const DemoFileSchema = z.object({
  about: z.string(),
  contacts: z.array(
    z.object({
      ...ContactCreateSchema.shape,
      partnerships: z.array(z.object({ cnCode: z.string(), partnerNameEn: z.string() })).default([]),
      touches: z
        .array(
          z.object({
            monthsAgo: z.number().int().min(0).max(600),
            channel: z.enum(TOUCH_CHANNELS),
            note: z.string().optional(),
          }),
        )
        .default([]),
    }),
  ),
});

export type DemoContactsSummary = { contacts: number; touches: number; links: number };

/** Loads the demo contacts (skipping those already there) and says how many it added. */
export async function loadDemoContacts({ db, dataDir }: { db: Db; dataDir: string }): Promise<DemoContactsSummary> {
  const file = DemoFileSchema.parse(JSON.parse(readFileSync(join(dataDir, 'contacts.json'), 'utf8')));
  const actor = systemActor('demo');
  const held = await selectDemoContactKeys(db);
  const summary: DemoContactsSummary = { contacts: 0, touches: 0, links: 0 };
  const now = today();
  for (const { partnerships, touches, ...input } of file.contacts) {
    if (held.has(`${input.cnCode}|${input.nameEn ?? ''}`)) continue;
    const partnershipIds: number[] = [];
    for (const link of partnerships) {
      const id = await selectPartnershipIdByNames(db, link.cnCode, link.partnerNameEn);
      if (id === undefined)
        throw new Error(`demo contact ${input.nameEn}: no partnership ${link.cnCode} – ${link.partnerNameEn}`);
      partnershipIds.push(id);
    }
    const contact = await createContact({ db, actor, input: { ...input, partnershipIds }, isDemo: true });
    summary.contacts += 1;
    summary.links += partnershipIds.length;
    for (const touch of touches) {
      await addTouch({
        db,
        actor,
        contactId: contact.id,
        input: { touchedOn: monthsBefore(now, touch.monthsAgo), channel: touch.channel, note: touch.note ?? null },
        isDemo: true,
      });
      summary.touches += 1;
    }
  }
  return summary;
}
