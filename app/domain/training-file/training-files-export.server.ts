// The training files of a scope as one workbook, for a department head (the departments they head) or
// the training department (every department, or one with its teams): a sheet of the people with their
// totals, then a sheet of every training record, person by person. Streamed: people are read in batches
// by employee number (keyset), their totals and records batch by batch, and rows go out as they are read.
import type { TFunction } from "i18next";

import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";
import { safeFileName } from "~/utils/file-name";
import { workbookStream, type StreamedWorkbook } from "~/utils/workbook.server";

import { hoursOf } from "./training-file-rules";

const PEOPLE_BATCH = 200;

export type FilesExportScope = { departmentIds: string[] | null; department: { name: string; code: string } | null };
export type FilesExportScopeResult = { ok: true; scope: FilesExportScope } | { ok: false; status: 403 | 404 };

/**
 * Which departments an export covers: the reader's scope (null: every department), narrowed to a chosen
 * department and its teams: 404 for no such department, 403 for one outside the reader's scope.
 */
export async function filesExportScope(scope: string[] | null, departmentId?: string): Promise<FilesExportScopeResult> {
  if (!departmentId) return { ok: true, scope: { departmentIds: scope, department: null } };
  const departments = await db.department.findMany({ select: { id: true, parentId: true, name: true, code: true } });
  const department = departments.find((d) => d.id === departmentId);
  if (!department) return { ok: false, status: 404 };
  if (scope && !scope.includes(department.id)) return { ok: false, status: 403 };
  return {
    ok: true,
    scope: {
      departmentIds: subtreeIds(departments, [department.id]),
      department: { name: department.name, code: department.code },
    },
  };
}

export function filesExportNames(t: TFunction, { department }: FilesExportScope) {
  const scopeName = department?.name ?? t("trainingFile.allDepartments");
  return {
    name: `${safeFileName(t("trainingFile.scopeExport.fileName", { scope: scopeName }))}.xlsx`,
    ascii: `training-files-${department ? safeFileName(department.code).replace(/[^\w-]/g, "_") : "all"}.xlsx`,
  };
}

type Person = { id: string; employeeNo: string; name: string; post: string; department: string };

/** Every person in the scope, PEOPLE_BATCH at a time, in employee-number order. */
async function* peopleIn(departmentIds: string[] | null, book: StreamedWorkbook): AsyncGenerator<Person[]> {
  let after: string | undefined;
  for (;;) {
    const people = await db.person.findMany({
      where: {
        ...(departmentIds ? { departmentId: { in: departmentIds } } : {}),
        ...(after ? { employeeNo: { gt: after } } : {}),
      },
      orderBy: { employeeNo: "asc" },
      take: PEOPLE_BATCH,
      select: { id: true, employeeNo: true, name: true, post: true, department: { select: { name: true } } },
    });
    if (people.length) yield people.map((p) => ({ ...p, department: p.department.name }));
    await book.drain();
    if (people.length < PEOPLE_BATCH) return;
    after = people[people.length - 1].employeeNo;
  }
}

/** `t` for the few texts a long export repeats on every row (labels of a category, an outcome, a score). */
function memo(t: TFunction) {
  const seen = new Map<string, string>();
  return (key: string, options?: Record<string, unknown>) => {
    const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let text = seen.get(id);
    if (text === undefined) seen.set(id, (text = t(key, options)));
    return text;
  };
}

export function trainingFilesWorkbook(
  translate: TFunction,
  scope: FilesExportScope,
  settings: { timeZone: string; locale: string },
): ReadableStream<Uint8Array> {
  const t = memo(translate);
  const date = new Intl.DateTimeFormat(settings.locale, {
    timeZone: settings.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const who = [
    { header: t("trainingFile.columns.employeeNo"), width: 10 },
    { header: t("trainingFile.columns.name"), width: 10 },
    { header: t("trainingFile.columns.department"), width: 14 },
  ];
  return workbookStream(async (book) => {
    book.title = t("trainingFile.title");
    const people = book.sheet(t("trainingFile.scopeExport.people"), [
      ...who,
      { header: t("trainingFile.columns.post"), width: 12 },
      { header: t("trainingFile.scopeExport.sessions"), width: 10 },
      { header: t("trainingFile.scopeExport.hours"), width: 10 },
    ]);
    for await (const batch of peopleIn(scope.departmentIds, book)) {
      const totals = await db.trainingRecord.groupBy({
        by: ["personId"],
        where: { personId: { in: batch.map((p) => p.id) } },
        _sum: { minutes: true },
        _count: { _all: true },
      });
      const of = new Map(totals.map((r) => [r.personId, r]));
      for (const p of batch) {
        const total = of.get(p.id);
        people.add([
          p.employeeNo,
          p.name,
          p.department,
          p.post,
          total?._count._all ?? 0,
          hoursOf(total?._sum.minutes ?? 0),
        ]);
      }
    }
    people.done();

    const records = book.sheet(t("trainingFile.sections.records"), [
      ...who,
      ...(["date", "course", "category", "hours", "lecturer", "outcome", "quiz"] as const).map((k) => ({
        header: t(`trainingFile.recordColumns.${k}`),
        width: k === "course" ? 28 : k === "date" ? 12 : 10,
      })),
    ]);
    for await (const batch of peopleIn(scope.departmentIds, book)) {
      const rows = await db.trainingRecord.findMany({
        where: { personId: { in: batch.map((p) => p.id) } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          personId: true,
          courseTitle: true,
          category: true,
          lecturerName: true,
          startsAt: true,
          outcome: true,
          minutes: true,
          makeUpForSessionId: true,
          quizScorePercent: true,
          quizPassed: true,
        },
      });
      const byPerson = new Map<string, typeof rows>();
      for (const r of rows) {
        const own = byPerson.get(r.personId);
        if (own) own.push(r);
        else byPerson.set(r.personId, [r]);
      }
      for (const p of batch)
        for (const r of byPerson.get(p.id) ?? [])
          records.add([
            p.employeeNo,
            p.name,
            p.department,
            date.format(r.startsAt),
            r.makeUpForSessionId ? t("trainingFile.titleWithMakeUp", { title: r.courseTitle }) : r.courseTitle,
            t(`training.categories.${r.category}`),
            hoursOf(r.minutes),
            r.lecturerName,
            t(`trainingFile.outcome.${r.outcome}`),
            r.quizScorePercent === null
              ? "—"
              : t(r.quizPassed ? "trainingFile.quizPassed" : "trainingFile.quizFailed", { score: r.quizScorePercent }),
          ]);
    }
    records.done();
  });
}
