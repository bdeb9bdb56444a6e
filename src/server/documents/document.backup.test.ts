import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { backupStream, restoreBackup } from '../backup/backup.service.js';
import { getLifecycle, moveLifecycle } from '../lifecycle/lifecycle.service.js';
import { buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { SAMPLE_PDF } from './document.fixtures.js';
import { getDocumentContent, uploadDocument } from './document.service.js';

const source = await createTestDb();
const target = await createTestDb();
const actor = systemActor('test');

describe('documents and life cycle in a backup', () => {
  it('a backup restores every document byte for byte and the stage history with its approvals', async () => {
    const p = await buildPartnership(source, { stage: 'proposed', establishedOn: null });
    await moveLifecycle({
      db: source.db,
      actor,
      id: p.id,
      input: {
        version: p.version,
        move: 'approve',
        occurredOn: '2024-02-02',
        approvalLevel: 'city',
        approver: '长沙市人民政府',
        reference: '长政函〔2024〕2号',
      },
    });
    // Larger than the backup's page of chunks, so that the dump and the restore go page by page.
    const big = Buffer.concat([SAMPLE_PDF, randomBytes(256 * 1024 * 9)]);
    const doc = await uploadDocument({
      db: source.db,
      actor,
      partnershipId: p.id,
      file: { data: big, fileName: 'scan.pdf' },
      fields: { category: 'agreement' },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of backupStream({ db: source.db })) chunks.push(chunk as Buffer);
    const counts = await restoreBackup({ db: target.db, input: Readable.from(Buffer.concat(chunks)) });
    expect(counts).toMatchObject({
      documents: 1,
      document_chunks: 10,
      partnership_stage_events: 1,
      partnership_approvals: 1,
    });
    const restored = await getDocumentContent({ db: target.db, actor, id: doc.id });
    expect(restored.data.equals(big)).toBe(true);
    expect(await getLifecycle({ db: target.db, actor, id: p.id })).toEqual(
      await getLifecycle({ db: source.db, actor, id: p.id }),
    );
  });
});
