// Pure: turns the rows of an uploaded people file into people to save, or into every error found.
import { fieldErrors, messageKey } from "~/utils/validation";

import { EmployeeNoSchema, PERSON_STATUSES, PersonFieldsSchema, type PersonStatusName } from "./people.schema";

export const MAX_IMPORT_ROWS = 5_000;

export const IMPORT_FIELDS = [
  "employeeNo",
  "name",
  "department",
  "post",
  "phone",
  "email",
  "hireDate",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ["employeeNo", "name", "department", "post"];

/** The Chinese header of each column; the template uses these. */
export const CHINESE_HEADERS: Record<ImportField, string> = {
  employeeNo: "工号",
  name: "姓名",
  department: "部门",
  post: "岗位",
  phone: "手机",
  email: "邮箱",
  hireDate: "入职日期",
  status: "状态",
};

/** The two example rows of the downloadable template. */
export const TEMPLATE_EXAMPLES: Array<Partial<Record<ImportField, string>>> = [
  {
    employeeNo: "C0301",
    name: "王小明",
    department: "COL1",
    post: "催收员",
    phone: "13800138000",
    email: "wangxm@example.com",
    hireDate: "2025-03-03",
    status: "新入职",
  },
  {
    employeeNo: "C0302",
    name: "李娜",
    department: "催收二部",
    post: "催收员",
    phone: "13900139000",
    hireDate: "2024-09-16",
    status: "在职",
  },
];

const HEADER_ALIASES: Record<ImportField, string[]> = {
  employeeNo: ["工号", "员工编号", "employeeno", "employeenumber"],
  name: ["姓名", "name"],
  department: ["部门", "department", "dept"],
  post: ["岗位", "职位", "post"],
  phone: ["手机", "手机号", "手机号码", "电话", "phone"],
  email: ["邮箱", "电子邮箱", "email", "e-mail"],
  hireDate: ["入职日期", "hiredate"],
  status: ["状态", "status"],
};

const STATUS_WORDS = new Map<string, PersonStatusName>([
  ["在职", "ACTIVE"],
  ["新入职", "NEW_HIRE"],
  ["转岗中", "TRANSFERRING"],
  ["离职", "LEFT"],
  ...PERSON_STATUSES.map((s) => [s, s] as const),
]);

/** row: the spreadsheet row (header = 1; 0 = the file as a whole); column: the header as written in the file. */
export type ImportError = { row: number; column: string; message: string };

export type DepartmentRef = { id: string; code: string; name: string };

/**
 * A person to save. A field is undefined when its column is not in the file (left as it is);
 * phone, email and hire date are null when the cell is empty (cleared); an empty status keeps the
 * current one (ACTIVE for someone new).
 */
export type ImportRow = {
  row: number;
  employeeNo: string;
  name: string;
  departmentId: string;
  post: string;
  phone?: string | null;
  email?: string | null;
  hireDate?: Date | null;
  status?: PersonStatusName;
};

export type ImportCheck = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

// "Employee No", "employee_no" and "工号*" (a required-column mark) all name the same column.
const normaliseHeader = (h: string) => h.trim().replace(/\*$/, "").replace(/[\s_]/g, "").toLowerCase();

function mapHeaders(header: string[]): { columns: Partial<Record<ImportField, number>>; errors: ImportError[] } {
  const columns: Partial<Record<ImportField, number>> = {};
  const errors: ImportError[] = [];
  header.forEach((raw, index) => {
    const key = normaliseHeader(raw ?? "");
    const field = IMPORT_FIELDS.find((f) => HEADER_ALIASES[f].includes(key));
    if (!field) return;
    if (columns[field] !== undefined)
      errors.push({
        row: 1,
        column: raw.trim(),
        message: messageKey("peopleImport.duplicateColumn", { column: raw.trim() }),
      });
    else columns[field] = index;
  });
  for (const field of REQUIRED_FIELDS) {
    if (columns[field] === undefined)
      errors.push({
        row: 1,
        column: "",
        message: messageKey("peopleImport.missingColumn", { zh: CHINESE_HEADERS[field], en: field }),
      });
  }
  return { columns, errors };
}

// Excel writes dates in CSV as 2024/3/1; the schema wants 2024-03-01.
function normaliseDate(value: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}` : value;
}

function departmentResolver(departments: DepartmentRef[]) {
  const byCode = new Map(departments.map((d) => [d.code.toUpperCase(), d.id]));
  const byName = new Map<string, string[]>();
  for (const d of departments) byName.set(d.name, [...(byName.get(d.name) ?? []), d.id]);
  return (value: string): { id: string } | { error: string } => {
    const code = byCode.get(value.toUpperCase());
    if (code) return { id: code };
    const named = byName.get(value) ?? [];
    if (named.length === 1) return { id: named[0] };
    if (named.length > 1) return { error: messageKey("peopleImport.ambiguousDepartment", { value }) };
    return { error: value ? messageKey("peopleImport.unknownDepartment", { value }) : "validation.required" };
  };
}

const isEmptyRow = (cells: string[]) => cells.every((c) => (c ?? "").trim() === "");

export function checkImportRows(rows: string[][], departments: DepartmentRef[]): ImportCheck {
  if (rows.length === 0 || isEmptyRow(rows[0]))
    return { ok: false, errors: [{ row: 0, column: "", message: "peopleImport.emptyFile" }] };
  const header = rows[0].map((h) => (h ?? "").trim());
  const { columns, errors: headerErrors } = mapHeaders(header);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const body = rows
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => !isEmptyRow(r.cells));
  if (body.length === 0) return { ok: false, errors: [{ row: 0, column: "", message: "peopleImport.noRows" }] };
  if (body.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      errors: [
        {
          row: 0,
          column: "",
          message: messageKey("peopleImport.tooManyRows", { max: MAX_IMPORT_ROWS, count: body.length }),
        },
      ],
    };

  const resolveDepartment = departmentResolver(departments);
  const columnOf = (field: ImportField) => header[columns[field]!];
  const errors: ImportError[] = [];
  const valid: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of body) {
    const cell = (field: ImportField): string | undefined =>
      columns[field] === undefined ? undefined : (cells[columns[field]!] ?? "").trim();
    const rowErrors: Array<ImportError & { index: number }> = [];
    const fail = (field: ImportField, message: string) =>
      rowErrors.push({ row, column: columnOf(field), message, index: columns[field]! });

    const statusText = cell("status");
    const status = statusText ? STATUS_WORDS.get(statusText.toUpperCase()) : undefined;
    if (statusText && !status) fail("status", messageKey("peopleImport.unknownStatus", { value: statusText }));

    const hireDate = cell("hireDate");
    const parsed = PersonFieldsSchema.safeParse({
      employeeNo: cell("employeeNo"),
      name: cell("name"),
      post: cell("post"),
      phone: cell("phone"),
      email: cell("email"),
      hireDate: hireDate === undefined ? undefined : normaliseDate(hireDate),
      // The status column has its own check above; the schema only needs a valid placeholder.
      status: status ?? "ACTIVE",
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error))) fail(field as ImportField, message);
    }

    const department = resolveDepartment(cell("department") ?? "");
    if ("error" in department) fail("department", department.error);

    // Checked on its own so a repeated number is reported even when the row has other errors.
    const employeeNo = EmployeeNoSchema.safeParse(cell("employeeNo"));
    if (employeeNo.success) {
      const first = firstRowOf.get(employeeNo.data);
      if (first !== undefined)
        fail("employeeNo", messageKey("peopleImport.duplicateEmployeeNo", { employeeNo: employeeNo.data, row: first }));
      else firstRowOf.set(employeeNo.data, row);
    }

    if (rowErrors.length > 0 || !parsed.success || "error" in department) {
      // Left to right, as the person sees the row in the spreadsheet.
      errors.push(...rowErrors.sort((a, b) => a.index - b.index).map(({ index: _, ...error }) => error));
      continue;
    }
    const present = (field: ImportField) => columns[field] !== undefined;
    valid.push({
      row,
      employeeNo: parsed.data.employeeNo,
      name: parsed.data.name,
      departmentId: department.id,
      post: parsed.data.post,
      phone: present("phone") ? (parsed.data.phone ?? null) : undefined,
      email: present("email") ? (parsed.data.email ?? null) : undefined,
      hireDate: present("hireDate") ? (parsed.data.hireDate ?? null) : undefined,
      status,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: valid };
}
