import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";

import { listDepartmentCodes } from "~/domain/departments/department-queries.server";
import { CHINESE_HEADERS, IMPORT_FIELDS, TEMPLATE_EXAMPLES } from "~/domain/people/people-import-rules";
import { requirePermission } from "~/utils/auth.server";
import { xlsxResponse } from "~/utils/download.server";
import { serverT } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { workbookBytes } from "~/utils/workbook.server";

// The column headers stay Chinese whatever the page language: that is the file people pass around.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "import:person");
  const t = serverT(await resolveLocale(request, user.locale));
  const workbook = new ExcelJS.Workbook();

  const sheet = workbook.addWorksheet(t("peopleImport.templateSheet"));
  sheet.columns = IMPORT_FIELDS.map((field) => ({
    header: CHINESE_HEADERS[field],
    key: field,
    width: field === "email" ? 26 : 14,
  }));
  // Text format keeps Excel from turning employee numbers, phones and dates into numbers as people type.
  sheet.columns.forEach((column) => (column.numFmt = "@"));
  sheet.addRows(TEMPLATE_EXAMPLES.map((example) => IMPORT_FIELDS.map((field) => example[field] ?? "")));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  // A reference list, so nobody has to guess department codes; the import reads only the first sheet.
  const departments = await listDepartmentCodes();
  const list = workbook.addWorksheet(t("peopleImport.templateDepartmentsSheet"));
  list.columns = [
    { header: t("peopleImport.templateCode"), key: "code", width: 14 },
    { header: t("peopleImport.templateName"), key: "name", width: 28 },
  ];
  list.addRows(departments.map((d) => [d.code, d.name]));
  list.getRow(1).font = { bold: true };

  return xlsxResponse(await workbookBytes(workbook), "people-import-template.xlsx", t("peopleImport.templateFileName"));
}
