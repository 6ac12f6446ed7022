// Checks an uploaded .xlsx before a spreadsheet library opens it: a 2 MB zip can expand to
// gigabytes, and exceljs would hold all of it. The zip's central directory is read first (entry count, declared
// sizes, compression ratio); then, since declared sizes can lie, every entry is inflated through a counter that
// stops at the limit, and each worksheet's rows are counted as it streams. Nothing inflated is kept.
// Pure: bytes in, verdict out.
import { Inflate } from "fflate";

export type XlsxLimits = {
  /** All entries together, inflated. */
  maxUncompressedBytes: number;
  /** `<row>` elements in any one worksheet (header and a few formatted empty rows included). */
  maxRows: number;
  maxEntries?: number;
  /** Inflated size over compressed size, for entries large enough for it to matter. */
  maxRatio?: number;
};

export type XlsxVerdict =
  | { ok: true }
  | { ok: false; reason: "notXlsx" }
  | { ok: false; reason: "tooLarge"; maxMb: number }
  | { ok: false; reason: "tooManyRows"; maxRows: number };

// A workbook holds a dozen parts (a few hundred with images); Excel's XML compresses 5–20 times.
const MAX_ENTRIES = 1_000;
const MAX_RATIO = 100;
// Small parts (styles, an empty sheet) may compress very well and can do no harm.
const RATIO_FLOOR = 1024 * 1024;
// Inflate in small steps so one step's output stays small (deflate's best is ~1,032:1: ≤ 4 MB per step).
const STEP = 4 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Entry = { name: string; method: number; flags: number; compressed: number; size: number; offset: number };

/** The central directory's entries, or null when the bytes are no (whole, plain) zip. */
export function zipEntries(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean zip64, which no workbook of our sizes needs.
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > end) return null;
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Counts `<row ` / `<row>` across chunk boundaries (the previous chunk's last bytes are kept). */
function rowCounter() {
  const pattern = [0x3c, 0x72, 0x6f, 0x77]; // "<row"
  let tail = new Uint8Array(0);
  let rows = 0;
  return {
    push(chunk: Uint8Array) {
      const data = new Uint8Array(tail.byteLength + chunk.byteLength);
      data.set(tail);
      data.set(chunk, tail.byteLength);
      const last = data.byteLength - pattern.length - 1;
      for (let i = 0; i <= last; i++) {
        if (data[i] !== 0x3c || data[i + 1] !== 0x72 || data[i + 2] !== 0x6f || data[i + 3] !== 0x77) continue;
        const next = data[i + 4];
        if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) rows++;
      }
      tail = data.slice(Math.max(0, last + 1));
      return rows;
    },
  };
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Inflates one entry through a counter: "tooLarge" past `budget` bytes, "lied" when it yields more or less than
 * the directory declared, "tooManyRows" when a worksheet passes the row limit. Stops at the first of these.
 */
function inflateEntry(
  bytes: Uint8Array,
  entry: Entry,
  budget: number,
  maxRows: number,
): { size: number } | "broken" | "tooLarge" | "tooManyRows" {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.byteLength || view.getUint32(entry.offset, true) !== LOCAL) return "broken";
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressed > bytes.byteLength) return "broken";
  const data = bytes.subarray(start, start + entry.compressed);
  const rows = isSheet(entry.name) ? rowCounter() : null;
  let size = 0;
  let stop: "broken" | "tooLarge" | "tooManyRows" | null = null;
  const take = (chunk: Uint8Array) => {
    if (stop) return;
    size += chunk.byteLength;
    if (size > budget) stop = "tooLarge";
    else if (size > entry.size) stop = "broken";
    else if (rows && rows.push(chunk) > maxRows) stop = "tooManyRows";
  };
  if (entry.method === 0) take(data);
  else {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let i = 0; i < data.byteLength && !stop; i += STEP)
        inflate.push(data.subarray(i, i + STEP), i + STEP >= data.byteLength);
    } catch {
      return "broken";
    }
  }
  if (stop) return stop;
  return size === entry.size ? { size } : "broken";
}

export function inspectXlsx(bytes: Uint8Array, limits: XlsxLimits): XlsxVerdict {
  const maxMb = Math.round(limits.maxUncompressedBytes / 1_000_000);
  const tooLarge = { ok: false as const, reason: "tooLarge" as const, maxMb };
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: "notXlsx" };
  if (entries.length > (limits.maxEntries ?? MAX_ENTRIES)) return tooLarge;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return { ok: false, reason: "notXlsx" };
  // Encrypted entries, or a method other than stored and deflate: not something Excel writes.
  if (entries.some((e) => e.flags & 1 || (e.method !== 0 && e.method !== 8))) return { ok: false, reason: "notXlsx" };
  // What the directory declares, before anything is inflated.
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    const ratio = e.size / Math.max(1, e.compressed);
    if (declared > limits.maxUncompressedBytes) return tooLarge;
    if (e.size > RATIO_FLOOR && ratio > (limits.maxRatio ?? MAX_RATIO)) return tooLarge;
  }
  // What the entries really hold: each may use only what the limit has left.
  let inflated = 0;
  for (const e of entries) {
    const result = inflateEntry(bytes, e, limits.maxUncompressedBytes - inflated, limits.maxRows);
    if (result === "broken") return { ok: false, reason: "notXlsx" };
    if (result === "tooLarge") return tooLarge;
    if (result === "tooManyRows") return { ok: false, reason: "tooManyRows", maxRows: limits.maxRows };
    inflated += result.size;
  }
  return { ok: true };
}
