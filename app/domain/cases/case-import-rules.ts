// Pure: turns the rows of a case batch file (委案) into cases to save, or into every error found,
// by row and column. Error messages never repeat an ID or card number.
import { messageKey } from "~/utils/validation";

import { isValidCardNumber, isValidIdNumber, normaliseNumber } from "./case-numbers";

export const MAX_CASE_ROWS = 5_000;
export const CASE_FIELDS = [
  "caseNo",
  "clientBank",
  "debtorName",
  "idNumber",
  "cardNumber",
  "amountOwed",
  "overdueDays",
  "phones",
  "address",
  "mandateDueDate",
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];
export const REQUIRED_CASE_FIELDS: readonly CaseField[] = [
  "caseNo",
  "clientBank",
  "debtorName",
  "idNumber",
  "cardNumber",
  "amountOwed",
  "overdueDays",
  "mandateDueDate",
];

export const CASE_HEADERS: Record<CaseField, string> = {
  caseNo: "案件编号",
  clientBank: "委托银行",
  debtorName: "债务人姓名",
  idNumber: "身份证号",
  cardNumber: "卡号",
  amountOwed: "欠款金额",
  overdueDays: "逾期天数",
  phones: "联系电话",
  address: "地址",
  mandateDueDate: "委托到期日",
};
const ALIASES: Record<CaseField, string[]> = {
  caseNo: ["案件编号", "案件号", "caseno"],
  clientBank: ["委托银行", "委托方", "银行", "clientbank", "bank"],
  debtorName: ["债务人姓名", "债务人", "客户姓名", "姓名", "debtorname", "name"],
  idNumber: ["身份证号", "身份证号码", "证件号码", "idnumber"],
  cardNumber: ["卡号", "银行卡号", "信用卡号", "cardnumber"],
  amountOwed: ["欠款金额", "欠款", "委案金额", "amountowed", "amount"],
  overdueDays: ["逾期天数", "overduedays"],
  phones: ["联系电话", "电话", "手机", "phones", "phone"],
  address: ["地址", "家庭地址", "address"],
  mandateDueDate: ["委托到期日", "委案到期日", "到期日", "mandateduedate", "duedate"],
};

export type CaseImportError = { row: number; column: string; message: string };
export type CaseRow = {
  row: number;
  caseNo: string;
  clientBank: string;
  debtorName: string;
  idNumber: string;
  cardNumber: string;
  amountOwedFen: number;
  overdueDays: number;
  phones: string[];
  address: string;
  mandateDueDate: Date;
};
export type CaseImportCheck = { ok: true; rows: CaseRow[] } | { ok: false; errors: CaseImportError[] };

const normaliseHeader = (h: string) => h.trim().replace(/\*$/, "").replace(/[\s_]/g, "").toLowerCase();
const isEmptyRow = (cells: string[]) => cells.every((c) => (c ?? "").trim() === "");
const fileError = (message: string): CaseImportCheck => ({ ok: false, errors: [{ row: 0, column: "", message }] });

function parseDate(value: string): Date | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/** Yuan with at most two decimals (a thousands separator allowed) → fen. */
function parseAmount(value: string): number | null {
  const v = value.replace(/[,，¥￥\s]/g, "");
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(v)) return null;
  const fen = Math.round(Number(v) * 100);
  return fen > 0 ? fen : null;
}

/** Which column holds which field (the first column a header names). */
function columnsOf(header: string[]): Partial<Record<CaseField, number>> {
  const columns: Partial<Record<CaseField, number>> = {};
  header.forEach((raw, i) => {
    const field = CASE_FIELDS.find((f) => ALIASES[f].includes(normaliseHeader(raw)));
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return columns;
}

/** The case numbers a file names, read before its rows are checked, so that the numbers already in
 * TrainGate are reported in the same pass as every other error. */
export function caseNumbersIn(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const column = columnsOf(rows[0].map((h) => (h ?? "").trim())).caseNo;
  if (column === undefined) return [];
  const numbers = rows.slice(1).map((cells) => (cells[column] ?? "").trim());
  return [...new Set(numbers.filter((n) => n && n.length <= 40))];
}

/** `existingCaseNos`: case numbers already in TrainGate (a batch never overwrites a case). */
export function checkCaseRows(rows: string[][], existingCaseNos: ReadonlySet<string>): CaseImportCheck {
  if (rows.length === 0 || isEmptyRow(rows[0])) return fileError("cases.import.emptyFile");
  const header = rows[0].map((h) => (h ?? "").trim());
  const columns = columnsOf(header);
  const missing = REQUIRED_CASE_FIELDS.filter((f) => columns[f] === undefined);
  if (missing.length)
    return {
      ok: false,
      errors: missing.map((f) => ({
        row: 1,
        column: "",
        message: messageKey("cases.import.missingColumn", { zh: CASE_HEADERS[f], en: f }),
      })),
    };

  const body = rows
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => !isEmptyRow(r.cells));
  if (body.length === 0) return fileError("cases.import.noRows");
  if (body.length > MAX_CASE_ROWS)
    return fileError(messageKey("cases.import.tooManyRows", { max: MAX_CASE_ROWS, count: body.length }));

  const errors: CaseImportError[] = [];
  const valid: CaseRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of body) {
    const cell = (f: CaseField) => (columns[f] === undefined ? "" : (cells[columns[f]!] ?? "").trim());
    const before = errors.length;
    const fail = (f: CaseField, message: string) =>
      errors.push({ row, column: header[columns[f]!] ?? CASE_HEADERS[f], message });
    for (const f of REQUIRED_CASE_FIELDS) if (!cell(f)) fail(f, "validation.required");
    const text = (f: CaseField, max: number) => {
      if (cell(f).length > max) fail(f, messageKey("validation.tooLong", { max }));
      return cell(f);
    };
    const caseNo = text("caseNo", 40);
    if (caseNo && !/^[A-Za-z0-9_-]+$/.test(caseNo)) fail("caseNo", "cases.import.caseNoFormat");
    else if (caseNo && existingCaseNos.has(caseNo)) fail("caseNo", messageKey("cases.import.caseExists", { caseNo }));
    else if (caseNo && firstRowOf.has(caseNo))
      fail("caseNo", messageKey("cases.import.duplicateCaseNo", { caseNo, row: firstRowOf.get(caseNo) }));
    else if (caseNo) firstRowOf.set(caseNo, row);
    const clientBank = text("clientBank", 100);
    const debtorName = text("debtorName", 50);
    const address = text("address", 200);
    const idNumber = normaliseNumber(cell("idNumber"));
    if (idNumber && !isValidIdNumber(idNumber)) fail("idNumber", "cases.import.idNumberInvalid");
    const cardNumber = normaliseNumber(cell("cardNumber"));
    if (cardNumber && !isValidCardNumber(cardNumber)) fail("cardNumber", "cases.import.cardNumberInvalid");
    const amountOwedFen = cell("amountOwed") ? parseAmount(cell("amountOwed")) : null;
    if (cell("amountOwed") && amountOwedFen === null) fail("amountOwed", "cases.import.amountInvalid");
    const overdueDays = /^\d{1,5}$/.test(cell("overdueDays")) ? Number(cell("overdueDays")) : null;
    if (cell("overdueDays") && overdueDays === null) fail("overdueDays", "cases.import.overdueDaysInvalid");
    const mandateDueDate = cell("mandateDueDate") ? parseDate(cell("mandateDueDate")) : null;
    if (cell("mandateDueDate") && !mandateDueDate) fail("mandateDueDate", "cases.import.dateInvalid");
    const phones = cell("phones")
      .split(/[;；,，、\s/]+/)
      .filter(Boolean);
    if (phones.some((p) => !/^\+?[\d-]{7,20}$/.test(p))) fail("phones", "cases.import.phoneInvalid");
    if (phones.length > 5) fail("phones", messageKey("validation.tooMany", { max: 5 }));
    if (errors.length > before) continue;
    valid.push({
      row,
      caseNo,
      clientBank,
      debtorName,
      idNumber,
      cardNumber,
      amountOwedFen: amountOwedFen!,
      overdueDays: overdueDays!,
      phones,
      address,
      mandateDueDate: mandateDueDate!,
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows: valid };
}
