import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_JPEG, SAMPLE_PDF, SAMPLE_PNG, sampleDocx, sampleXlsx } from './document.fixtures.js';
import { detectFileType, zipEntryNames } from './file-type.js';

describe('file type by content', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(detectFileType(SAMPLE_PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(detectFileType(SAMPLE_PNG)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(detectFileType(SAMPLE_JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('tells Word from Excel by the ZIP central directory', async () => {
    const docx = await sampleDocx();
    const xlsx = await sampleXlsx();
    expect(zipEntryNames(docx)).toContain('word/document.xml');
    expect(detectFileType(docx)).toMatchObject({ ok: true, mediaType: expect.stringContaining('wordprocessingml') });
    expect(detectFileType(xlsx)).toMatchObject({ ok: true, mediaType: expect.stringContaining('spreadsheetml') });
  });

  it('refuses an empty file, text, an executable and a ZIP that is not an Office document', async () => {
    expect(detectFileType(Buffer.alloc(0)).ok).toBe(false);
    expect(detectFileType(Buffer.from('just some text, named agreement.pdf')).ok).toBe(false);
    expect(detectFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])).ok).toBe(false);
    const docx = await sampleDocx();
    // Renaming the entry inside the central directory makes it "some other ZIP".
    const renamed = Buffer.from(docx.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1');
    expect(detectFileType(renamed)).toMatchObject({ ok: false, reason: expect.stringContaining('ZIP') });
    const macro = Buffer.from(docx.toString('latin1').replaceAll('word/styles.xml', 'xvbaProject.bin'), 'latin1');
    expect(detectFileType(macro)).toMatchObject({ ok: false, reason: expect.stringContaining('macros') });
  });

  it('never throws on arbitrary bytes, and a cut ZIP is refused', async () => {
    const docx = await sampleDocx();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: docx.length - 1 }), (junk, cut) => {
        expect(() => detectFileType(Buffer.from(junk))).not.toThrow();
        const prefix = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(junk)]);
        expect(detectFileType(prefix).ok).toBe(false);
        expect(detectFileType(docx.subarray(0, cut)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
