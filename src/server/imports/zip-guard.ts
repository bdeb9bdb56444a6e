/**
 * Zip-bomb guard for XLSX uploads: an XLSX file is a ZIP archive, and a small one can unpack to
 * gigabytes. Before exceljs reads a workbook, its central directory is read and every entry is
 * unpacked once as a stream that is counted and thrown away, so nothing large is ever held:
 *
 * - at most MAX_ENTRIES entries;
 * - at most MAX_UNPACKED bytes in all, by the sizes the archive declares *and* by the bytes its
 *   entries really unpack to (a bomb may declare small sizes and unpack to more);
 * - no entry over 1 MiB that unpacks more than MAX_RATIO times its packed size (real sheets pack
 *   about 10:1; a bomb 1000:1).
 *
 * An archive whose directory cannot be read is left to exceljs, which then refuses it as not an
 * XLSX workbook.
 */

import { createInflateRaw } from 'node:zlib';
import { type Bilingual, bi } from '../../shared/bilingual.js';

export const ZIP_LIMITS = {
  maxEntries: 1000,
  /** 512 MiB: a sheet of the largest import (500,000 rows) unpacks to about 300 MB. */
  maxUnpacked: 512 * 1024 * 1024,
  maxRatio: 100,
  /** Entries smaller than this may have any ratio (an empty sheet packs very small). */
  ratioFrom: 1024 * 1024,
} as const;

export type ZipLimits = { maxEntries: number; maxUnpacked: number; maxRatio: number; ratioFrom: number };

export type ZipEntry = {
  name: string;
  method: number;
  packed: number;
  /** The size the archive declares. */
  unpacked: number;
  /** Offset of the entry's local header. */
  offset: number;
};

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The entries of the central directory, or undefined when the archive's directory cannot be read. */
export function zipEntries(data: Buffer): ZipEntry[] | undefined {
  if (data.length < 22) return undefined;
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  let count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  // ZIP64: the real count and offset are in the ZIP64 end record the locator points at.
  if ((count === 0xffff || at === MAX32) && end >= 20 && data.readUInt32LE(end - 20) === EOCD64_LOCATOR) {
    const record = Number(data.readBigUInt64LE(end - 20 + 8));
    if (record + 56 > data.length || data.readUInt32LE(record) !== EOCD64) return undefined;
    count = Number(data.readBigUInt64LE(record + 32));
    at = Number(data.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return undefined;
    const method = data.readUInt16LE(at + 10);
    let packed = data.readUInt32LE(at + 20);
    let unpacked = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    let offset = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64 extended information: the 64-bit values, in order, of the fields that read 0xFFFFFFFF.
    let extra = at + 46 + nameLength;
    const extraEnd = Math.min(extra + extraLength, data.length);
    while (extra + 4 <= extraEnd) {
      const id = data.readUInt16LE(extra);
      const size = data.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          if (field + 8 > extra + 4 + size) return undefined;
          const value = Number(data.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (unpacked === MAX32) unpacked = next() ?? unpacked;
        if (packed === MAX32) packed = next() ?? packed;
        if (offset === MAX32) offset = next() ?? offset;
      }
      extra += 4 + size;
    }
    entries.push({ name, method, packed, unpacked, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's packed bytes start (after its local header), or undefined. */
function dataStart(data: Buffer, entry: ZipEntry): number | undefined {
  if (entry.offset + 30 > data.length || data.readUInt32LE(entry.offset) !== LOCAL) return undefined;
  return entry.offset + 30 + data.readUInt16LE(entry.offset + 26) + data.readUInt16LE(entry.offset + 28);
}

/** Unpacks a DEFLATE stream, counting and dropping the bytes; stops as soon as `cap` is passed. */
export function unpackedSize(packed: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let done = false;
    const finish = (n: number) => {
      if (done) return;
      done = true;
      resolve(n);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        finish(total);
        inflate.destroy();
      }
    });
    inflate.on('end', () => finish(total));
    // Broken data is for exceljs to refuse; what was unpacked so far still counts.
    inflate.on('error', () => finish(total));
    inflate.end(packed);
  });
}

export type ZipVerdict = { ok: true } | { ok: false; message: Bilingual; entry?: string };

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;
}

/** Refuses an archive that unpacks to too much, by its declared sizes and by its real ones. */
export async function checkZip(data: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  const entries = zipEntries(data);
  if (!entries) return { ok: true };
  if (entries.length > limits.maxEntries) {
    return {
      ok: false,
      message: bi(
        `压缩包内有 ${entries.length} 个文件`,
        `the archive holds ${entries.length.toLocaleString('en')} files`,
      ),
    };
  }
  let declared = 0;
  for (const e of entries) {
    declared += e.unpacked;
    if (declared > limits.maxUnpacked) {
      return {
        ok: false,
        message: bi(`解压后超过 ${mb(limits.maxUnpacked)}`, `it unpacks to more than ${mb(limits.maxUnpacked)}`),
        entry: e.name,
      };
    }
    if (e.unpacked > limits.ratioFrom && e.unpacked > e.packed * limits.maxRatio) {
      return {
        ok: false,
        message: bi(
          `${e.name} 解压后是压缩大小的 ${Math.round(e.unpacked / Math.max(e.packed, 1))} 倍`,
          `${e.name} unpacks to ${Math.round(e.unpacked / Math.max(e.packed, 1)).toLocaleString('en')} times its size`,
        ),
        entry: e.name,
      };
    }
  }
  let real = 0;
  for (const e of entries) {
    const start = dataStart(data, e);
    if (start === undefined) continue;
    const packed = data.subarray(start, start + e.packed);
    // Stop unpacking as soon as the entry passes what is left of the total or its ratio allows.
    const byRatio = Math.max(limits.ratioFrom, packed.length * limits.maxRatio);
    const cap = Math.min(limits.maxUnpacked - real, byRatio);
    const size = e.method === 8 ? await unpackedSize(packed, cap) : packed.length;
    real += size;
    if (size > byRatio) {
      return {
        ok: false,
        message: bi(
          `${e.name} 解压后超过压缩大小的 ${limits.maxRatio} 倍`,
          `${e.name} unpacks to more than ${limits.maxRatio} times its size`,
        ),
        entry: e.name,
      };
    }
    if (real > limits.maxUnpacked) {
      return {
        ok: false,
        message: bi(`解压后超过 ${mb(limits.maxUnpacked)}`, `it unpacks to more than ${mb(limits.maxUnpacked)}`),
        entry: e.name,
      };
    }
  }
  return { ok: true };
}
