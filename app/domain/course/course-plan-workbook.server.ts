// The course plan (培训课程计划) as a workbook laid out like its printed form: A4 portrait, the course's
// particulars in the document's order (item, category, time, headcount, place, content, lecturer,
// materials, costs), the attendees, the approval record and the signature lines.
import ExcelJS from "exceljs";
import type { TFunction } from "i18next";

import { fromUnits } from "~/domain/plan/fields";
import { formSheet } from "~/utils/form-sheet.server";
import { workbookBytes } from "~/utils/workbook.server";

import { COST_KEYS, courseParticulars, type CourseForm } from "./course-form";

const WIDTHS = [12, 16, 16, 14, 16, 16];
const yuan = (fen: number) => Number(fromUnits(fen, 2));

export async function coursePlanWorkbook(
  t: TFunction,
  form: CourseForm,
  settings: { companyName: string; timeZone: string; locale: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const formName = t("course.formName");
  const sheet = formSheet(workbook, formName, { orientation: "portrait", widths: WIDTHS });
  const { ws } = sheet;
  const { course } = form;
  const mergeFrom = (rows: ExcelJS.Row[], col: number) =>
    rows.forEach((r) => ws.mergeCells(r.number, col, r.number, WIDTHS.length));
  const heading = (text: string) => {
    ws.addRow([]);
    sheet.wide(text, { bold: true });
  };

  sheet.wide(settings.companyName, { size: 11 }, "center");
  sheet.wide(formName, { size: 16, bold: true }, "center").height = 26;
  sheet.wide(
    [
      t("course.print.month", form.plan),
      t("workflow.revision", { revision: course.revision }),
      t(`workflow.states.${course.state}`),
    ].join(" · "),
  );
  for (const line of courseParticulars(t, form)) sheet.pairs(line, 4);

  heading(t("training.withNote", { text: t("course.print.time"), note: t("course.fields.sessions") }));
  const sessions = sheet.table(
    [
      t("course.print.sessionNo"),
      t("course.session.date"),
      t("course.print.time"),
      t("course.session.location"),
      "",
      "",
    ],
    form.sessions.map((s) => [s.no, s.date, `${s.start}–${s.end}`, s.location, null, null]),
    { numeric: [1] },
  );
  mergeFrom([...(sessions.head ? [sessions.head] : []), ...sessions.rows], 4);

  heading(t("course.fields.outline"));
  const outline = sheet.table(null, [[course.outline]]);
  mergeFrom(outline.rows, 1);
  // Wrapped text in merged cells does not grow the row by itself: give it a height for its lines.
  outline.rows[0].height = Math.max(
    30,
    15 * (course.outline.split("\n").length + Math.floor(course.outline.length / 60)),
  );

  heading(t("course.fields.costs"));
  sheet.table(
    [...COST_KEYS, "totalCost" as const].map((k) => t(`course.fields.${k}`)),
    [[...COST_KEYS.map((k) => yuan(course.costs[k])), yuan(course.totalFen)]],
    { money: [1, 2, 3, 4, 5, 6] },
  );

  heading(t("course.fields.attendees"));
  if (form.scoped) sheet.wide(t("course.print.scopeNote", { count: form.attendeeCount }));
  const attendees = sheet.table(
    (["no", "name", "employeeNo", "department"] as const)
      .map((k) => t(`course.print.attendeeColumns.${k}`))
      .concat("", ""),
    form.attendees.map((a) => [a.no, a.name, a.employeeNo, a.department, null, null]),
    { numeric: [1] },
  );
  mergeFrom([...(attendees.head ? [attendees.head] : []), ...attendees.rows], 4);
  if (attendees.head) ws.pageSetup.printTitlesRow = `${attendees.head.number}:${attendees.head.number}`;

  sheet.signatures(
    t,
    form.approval,
    { preparedBy: t("course.print.preparedBy"), approvedBy: t("course.print.approvedBy") },
    settings.locale,
    settings.timeZone,
  );
  return workbookBytes(workbook);
}
