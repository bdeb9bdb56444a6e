import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../shared/schemas/document-view.js';
import { DOCUMENT_LIMITS } from '../../shared/schemas/lifecycle.js';
import type { Actor } from '../auth/actor.js';
import { auditLog, documentChunks } from '../db/schema.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { SAMPLE_PDF, SAMPLE_PNG, sampleDocx } from './document.fixtures.js';

const handle = await createTestDb();
const app = buildApp(handle);

function form(data: Uint8Array, name: string, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.set('file', new File([new Uint8Array(data)], name));
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { method: 'POST', body };
}

async function upload(partnershipId: number, data: Uint8Array, name: string, fields = {}, using = app) {
  const res = await using.request(`/api/partnerships/${partnershipId}/documents`, form(data, name, fields));
  return { status: res.status, body: (await res.json()) as DocumentView & { error?: { code: string } } };
}

const actor = (role: Actor['role'], scopeCode: string): Actor => ({
  kind: 'user',
  id: 7,
  name: `${role}@${scopeCode}`,
  role,
  scopeCode,
  canSeeContacts: false,
});

describe('documents API', () => {
  it('attaches a PDF, lists it, and gives back the same bytes with its type and a safe name', async () => {
    const p = await buildPartnership(handle);
    const res = await upload(p.id, SAMPLE_PDF, '协议书 2024.pdf', {
      category: 'agreement',
      title: '缔结友好城市关系协议书',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      partnershipId: p.id,
      category: 'agreement',
      mediaType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      fileName: '协议书 2024.pdf',
      uploadedBy: 'system:test',
    });
    const list = (await (await app.request(`/api/partnerships/${p.id}/documents`)).json()) as { data: DocumentView[] };
    expect(list.data.map((d) => d.id)).toEqual([res.body.id]);
    const file = await app.request(`/api/documents/${res.body.id}/content`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('协议书 2024.pdf')}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(SAMPLE_PDF)).toBe(true);
  });

  it('judges the type by content, not by name, and refuses what is not accepted', async () => {
    const p = await buildPartnership(handle);
    const png = await upload(p.id, SAMPLE_PNG, 'scan.pdf');
    expect(png.body.mediaType).toBe('image/png');
    const docx = await upload(p.id, await sampleDocx(), 'letter.docx', { category: 'letter' });
    expect(docx.body.mediaType).toContain('wordprocessingml');
    for (const [bytes, name] of [
      [Buffer.from('MZ\x90\x00 not a pdf'), 'agreement.pdf'],
      [Buffer.from('<html><script>alert(1)</script>'), 'photo.png'],
      [Buffer.alloc(0), 'empty.pdf'],
    ] as const) {
      const res = await upload(p.id, bytes, name);
      expect(res.status).toBe(400);
    }
    const bad = await upload(p.id, SAMPLE_PDF, 'a.pdf', { category: 'secret' });
    expect(bad.status).toBe(400);
  });

  it('stores a large file in chunks and returns it whole; over 20 MB is refused with 413', async () => {
    const p = await buildPartnership(handle);
    const big = Buffer.concat([SAMPLE_PDF, randomBytes(DOCUMENT_LIMITS.chunkBytes * 2 + 1234)]);
    const res = await upload(p.id, big, 'big.pdf');
    expect(res.status).toBe(201);
    const chunks = await handle.db.select().from(documentChunks).where(eq(documentChunks.documentId, res.body.id));
    expect(chunks.length).toBe(3);
    const back = Buffer.from(await (await app.request(`/api/documents/${res.body.id}/content`)).arrayBuffer());
    expect(back.equals(big)).toBe(true);

    const tooBig = Buffer.concat([SAMPLE_PDF, Buffer.alloc(DOCUMENT_LIMITS.bytesMax)]);
    const refused = await upload(p.id, tooBig, 'huge.pdf');
    expect(refused.status).toBe(413);
    const raw = await app.request(`/api/partnerships/${p.id}/documents?fileName=raw.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.concat([SAMPLE_PDF, Buffer.alloc(DOCUMENT_LIMITS.bytesMax - SAMPLE_PDF.length + 1)])),
    });
    expect(raw.status, await raw.clone().text()).toBe(413);
  });

  it('deletes a document with its bytes, and audits the upload and the delete', async () => {
    const p = await buildPartnership(handle);
    const res = await upload(p.id, SAMPLE_PDF, 'x.pdf');
    expect((await app.request(`/api/documents/${res.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/documents/${res.body.id}/content`)).status).toBe(404);
    const chunks = await handle.db.select().from(documentChunks).where(eq(documentChunks.documentId, res.body.id));
    expect(chunks).toEqual([]);
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'document'), eq(auditLog.entityId, res.body.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('a viewer cannot attach or delete; another division can neither list nor download', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100' });
    const doc = await upload(p.id, SAMPLE_PDF, 'x.pdf');
    const viewer = buildApp(handle, actor('viewer', '430000'));
    expect((await upload(p.id, SAMPLE_PDF, 'y.pdf', {}, viewer)).status).toBe(403);
    expect((await viewer.request(`/api/documents/${doc.body.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await viewer.request(`/api/documents/${doc.body.id}/content`)).status).toBe(200);
    const outsider = buildApp(handle, actor('editor', '440000'));
    expect((await outsider.request(`/api/partnerships/${p.id}/documents`)).status).toBe(403);
    expect((await outsider.request(`/api/documents/${doc.body.id}/content`)).status).toBe(403);
    expect((await upload(p.id, SAMPLE_PDF, 'z.pdf', {}, outsider)).status).toBe(403);
    expect((await upload(999999, SAMPLE_PDF, 'z.pdf')).status).toBe(404);
  });
});
