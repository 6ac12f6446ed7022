// The survey's summary as a workbook: every need line, then the roll-ups the summary page shows.
// Streamed: the need lines are read department by department in batches (keyset on createdAt, id) and
// written as they come; only what the roll-ups need of each line (category, people, months, cost) is kept.
import type { TFunction } from "i18next";

import { CATEGORIES, fromUnits } from "~/domain/plan/fields";
import { db } from "~/utils/db.server";
import { workbookStream } from "~/utils/workbook.server";

import { summarize, type NeedForSummary } from "./needs-rules";

const yuan = (fen: number) => Number(fromUnits(fen, 2));
const BATCH = 500;

/** `scope`: the departments in the reader's scope (null: every department). */
export function needsWorkbook(
  t: TFunction,
  survey: { id: string; year: number },
  scope: string[] | null,
): ReadableStream<Uint8Array> {
  return workbookStream(async (workbook) => {
    workbook.title = t("needs.xlsx.title", { year: survey.year });
    const detail = workbook.sheet(t("needs.xlsx.detail"), [
      { header: t("needs.fields.department"), width: 12 },
      { header: t("needs.item.topic"), width: 24 },
      { header: t("needs.item.category"), width: 14 },
      { header: t("needs.item.targetPeople"), width: 18 },
      { header: t("needs.item.headcount"), width: 8 },
      { header: t("needs.item.monthsShort"), width: 14 },
      { header: t("needs.item.hours"), width: 8 },
      { header: t("needs.item.delivery"), width: 8 },
      { header: t("needs.item.cost"), width: 12, numFmt: "#,##0.00" },
      { header: t("needs.item.priority"), width: 8 },
      { header: t("needs.item.reason"), width: 40 },
      { header: t("needs.item.problemArea"), width: 30 },
    ]);
    const forms = await db.departmentNeedsForm.findMany({
      where: { surveyId: survey.id, status: "SUBMITTED", ...(scope ? { departmentId: { in: scope } } : {}) },
      orderBy: [{ department: { sortOrder: "asc" } }, { department: { code: "asc" } }],
      select: { id: true, departmentId: true, department: { select: { name: true } } },
    });
    const forSummary: NeedForSummary[] = [];
    for (const form of forms) {
      let after: string | undefined;
      for (;;) {
        const needs = await db.needItem.findMany({
          where: { formId: form.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: BATCH,
          ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        });
        for (const n of needs) {
          detail.add([
            form.department.name,
            n.topic,
            t(`training.categories.${n.category}`),
            n.targetPeople,
            n.headcount,
            n.months.join(t("training.listSeparator")),
            Number(fromUnits(n.hoursTenths, 1)),
            t(`training.delivery.${n.delivery}`),
            yuan(n.costFen),
            t(`training.priority.${n.priority}`),
            n.reason,
            n.problemArea ?? "",
          ]);
          forSummary.push({
            category: n.category,
            headcount: n.headcount,
            months: n.months,
            hoursTenths: n.hoursTenths,
            costFen: n.costFen,
            departmentId: form.departmentId,
            departmentName: form.department.name,
          });
        }
        await workbook.drain();
        if (needs.length < BATCH) break;
        after = needs[needs.length - 1].id;
      }
    }
    detail.done();

    const summary = summarize(forSummary, CATEGORIES);
    // Months carry no cost: a need wanted in two months costs once.
    const rollup = (
      name: string,
      rows: typeof summary.byCategory,
      label: (key: string, text: string) => string,
      withCost = true,
    ) => {
      const sheet = workbook.sheet(name, [
        { header: t("needs.summary.group"), width: 16 },
        { header: t("needs.summary.needs"), width: 10 },
        { header: t("needs.summary.headcount"), width: 10 },
        ...(withCost ? [{ header: t("needs.summary.cost"), width: 14, numFmt: "#,##0.00" }] : []),
      ]);
      for (const r of rows)
        sheet.add([label(r.key, r.label), r.needs, r.headcount, ...(withCost ? [yuan(r.costFen)] : [])]);
      sheet.done();
    };
    rollup(t("needs.summary.byCategory"), summary.byCategory, (key) => t(`training.categories.${key}`));
    rollup(t("needs.summary.byDepartment"), summary.byDepartment, (_, label) => label);
    rollup(t("needs.summary.byMonth"), summary.byMonth, (key) => t(`training.monthShort.${key}`), false);
  });
}
