/**
 * The type of an uploaded file from its bytes, never from its name or the browser's word: PDF, JPEG
 * and PNG by their signatures; DOCX and XLSX are ZIP files whose central directory names
 * word/document.xml or xl/workbook.xml. Macro-enabled Office files (vbaProject.bin) are refused.
 */
import type { DocumentMediaType } from '../../shared/schemas/lifecycle.js';

export type FileTypeResult = { ok: true; mediaType: DocumentMediaType } | { ok: false; reason: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** The entry names of a ZIP file's central directory, or undefined when it is not a readable ZIP. */
export function zipEntryNames(data: Buffer): string[] | undefined {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const from = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    if (at + 46 + nameLength > data.length) return undefined;
    names.push(data.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export function detectFileType(data: Buffer): FileTypeResult {
  if (data.length === 0) return { ok: false, reason: 'the file is empty' };
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { ok: true, mediaType: 'image/jpeg' };
  if (startsWith(data, PNG)) return { ok: true, mediaType: 'image/png' };
  const names = zipEntryNames(data);
  if (names) {
    if (names.some((n) => n.endsWith('vbaProject.bin'))) {
      return { ok: false, reason: 'Office files with macros are not accepted' };
    }
    if (names.includes('[Content_Types].xml')) {
      if (names.includes('word/document.xml')) {
        return { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
      }
      if (names.includes('xl/workbook.xml')) {
        return { ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
      }
    }
    return { ok: false, reason: 'a ZIP file that is neither a Word (.docx) nor an Excel (.xlsx) document' };
  }
  return { ok: false, reason: 'not a PDF, JPEG, PNG, DOCX or XLSX file (judged by its content, not its name)' };
}
