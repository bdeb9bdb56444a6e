/**
 * The text of a report as a person hands it over: pasted text, a .txt (UTF-8 or GB18030), an .html
 * page (scripts, styles and tags dropped, entities decoded) or a .docx (its paragraphs). Nothing is
 * ever run or fetched; junk is refused with a reason rather than read as a report.
 */
import { inflateRawSync } from 'node:zlib';
import { type AppError, validationFailed } from '../../shared/errors.js';
import { zipEntries } from '../imports/zip-guard.js';

/** The longest text read as one report (a long work report is about 60,000 characters). */
export const NEWS_TEXT_MAX = 1_000_000;
/** The largest file read (a .docx with pictures is larger than its text). */
export const NEWS_FILE_MAX = 20 * 1024 * 1024;

export type DocumentKind = 'txt' | 'html' | 'docx';

function refuse(reason: 'empty' | 'binary' | 'too_large' | 'unreadable_docx', detail: string): AppError {
  return validationFailed([{ path: 'text', rule: `news_${reason}`, message: detail }]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML page: block ends become line breaks, everything else goes. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template|iframe|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/title)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** True when a string looks like an HTML document or fragment rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<p[\s>]|<div[\s>])/i.test(text) || /<script\b/i.test(text);
}

/** The paragraphs of a .docx, read from word/document.xml without running anything in it. */
export function docxToText(data: Buffer): string {
  const entry = zipEntries(data)?.find((e) => e.name === 'word/document.xml');
  if (!entry) throw refuse('unreadable_docx', 'not a Word (.docx) document: word/document.xml is missing');
  if (data.readUInt32LE(entry.offset) !== 0x04034b50) throw refuse('unreadable_docx', 'a damaged .docx file');
  const start = entry.offset + 30 + data.readUInt16LE(entry.offset + 26) + data.readUInt16LE(entry.offset + 28);
  const packed = data.subarray(start, start + entry.packed);
  let xml: string;
  try {
    const bytes = entry.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: 64 * 1024 * 1024 });
    xml = bytes.toString('utf8');
  } catch {
    throw refuse('unreadable_docx', 'a damaged .docx file: its text cannot be unpacked');
  }
  return decodeEntities(
    xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}

function isBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.includes('\u0000')) return true;
  let junk = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (ch === '\ufffd' || (code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t')) junk += 1;
  }
  return junk > Math.max(8, sample.length * 0.02);
}

/** Bytes of a file → text: BOM-less UTF-8 first, GB18030 when UTF-8 does not decode. */
function decodeBytes(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      return new TextDecoder('utf-8').decode(data);
    }
  }
}

/** The kind of a file by its first bytes, then by its name. */
export function kindOfFile(name: string, data: Buffer): DocumentKind {
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) return 'docx';
  if (/\.docx$/i.test(name)) return 'docx';
  if (/\.html?$/i.test(name)) return 'html';
  return 'txt';
}

/** A file's report text, or the reason it cannot be one. */
export function readDocument(name: string, data: Buffer): string {
  if (data.length === 0) throw refuse('empty', 'the file is empty');
  if (data.length > NEWS_FILE_MAX) {
    throw refuse('too_large', `the file is ${data.length} bytes; the largest read is ${NEWS_FILE_MAX}`);
  }
  const kind = kindOfFile(name, data);
  if (kind === 'docx') return checkedText(docxToText(data));
  return checkedText(decodeBytes(data), kind === 'html');
}

/** Pasted text, checked: not empty, not binary, not too long; HTML is read as its text. */
export function checkedText(text: string, isHtml = looksLikeHtml(text)): string {
  if (text.length > NEWS_TEXT_MAX * 4) {
    throw refuse('too_large', `the text has ${text.length} characters; the longest read is ${NEWS_TEXT_MAX}`);
  }
  if (isBinary(text)) throw refuse('binary', 'this is not text (it holds control characters or binary data)');
  const body = (isHtml ? htmlToText(text) : text).replace(/^\ufeff/, '');
  if (!body.trim()) throw refuse('empty', 'there is no text to read');
  if (body.length > NEWS_TEXT_MAX) {
    throw refuse('too_large', `the text has ${body.length} characters; the longest read is ${NEWS_TEXT_MAX}`);
  }
  return body;
}
