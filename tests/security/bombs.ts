// Hostile spreadsheets for the tests, built in milliseconds and without ever holding what they expand to: a
// deflate segment of one repeated chunk, ended by a full flush, is self-contained and byte-aligned, so the same
// segment written N times inflates to the chunk N times.
import { constants, deflateRawSync } from "node:zlib";

import ExcelJS from "exceljs";

type Deflated = { data: Uint8Array; size: number };

/** Raw deflate of the parts in order, each part `times` over; `size` is what it inflates to. */
export function repeatedDeflate(parts: Array<{ chunk: string | Uint8Array; times?: number }>): Deflated {
  const out: Uint8Array[] = [];
  let size = 0;
  for (const { chunk, times = 1 } of parts) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    const segment = deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
    for (let i = 0; i < times; i++) out.push(segment);
    size += bytes.byteLength * times;
  }
  // A final, empty fixed-Huffman block.
  out.push(new Uint8Array([0x03, 0x00]));
  return { data: Buffer.concat(out), size };
}

type ZipEntry = {
  name: string;
  deflated: Deflated;
  /** What the directory claims, if it should lie. */ declared?: number;
};

/**
 * A zip of deflated entries. CRCs are left at 0: the guard must refuse these before any reader checks them.
 * Sizes above 4 GiB do not fit; the tests stay below.
 */
export function zipOf(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, declared } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const size = declared ?? deflated.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.data.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.data.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, Buffer.from(deflated.data));
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.byteLength + deflated.data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MiB = 1024 * 1024;
const small = (text: string) => repeatedDeflate([{ chunk: text }]);
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const SHEET_START = '<?xml version="1.0"?><worksheet><sheetData>';
const SHEET_END = "</sheetData></worksheet>";

function workbookWithSheet(sheet: Deflated, declared?: number): Uint8Array {
  return zipOf([
    { name: "[Content_Types].xml", deflated: small(CONTENT_TYPES) },
    { name: "xl/workbook.xml", deflated: small(WORKBOOK) },
    { name: "xl/worksheets/sheet1.xml", deflated: sheet, declared },
  ]);
}

/** An .xlsx whose sheet inflates to about `mib` MiB of blanks (~1 MB of file per GiB). */
export function xlsxBomb(mib: number, options: { declared?: number } = {}): Uint8Array {
  const sheet = repeatedDeflate([
    { chunk: SHEET_START },
    { chunk: new Uint8Array(MiB).fill(0x20), times: mib },
    { chunk: SHEET_END },
  ]);
  return workbookWithSheet(sheet, options.declared);
}

/** An .xlsx whose sheet holds `rows` empty rows (a small file, a huge row count). */
export function rowBomb(rows: number): Uint8Array {
  const perChunk = 100_000;
  const row = "<row/>";
  return workbookWithSheet(
    repeatedDeflate([
      { chunk: SHEET_START },
      { chunk: row.repeat(perChunk), times: Math.floor(rows / perChunk) },
      { chunk: row.repeat(rows % perChunk) },
      { chunk: SHEET_END },
    ]),
  );
}

/**
 * A sheet of `rows` numbered empty rows, deflated plainly: ~5 MB of XML in 0.7 MB for 300,000 rows, within any
 * size and ratio limit, so only counting the rows can refuse it.
 */
export function numberedRows(rows: number): Uint8Array {
  let xml = SHEET_START;
  for (let i = 1; i <= rows; i++) xml += `<row r="${i}"/>`;
  const bytes = Buffer.from(xml + SHEET_END);
  return workbookWithSheet({ data: deflateRawSync(bytes, { level: 9 }), size: bytes.byteLength });
}

/** A real workbook, as Excel users send it. */
export async function workbookOf(rows: Array<Array<string | number>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
