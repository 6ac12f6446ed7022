// The course plan (培训课程计划) as its paper form and workbook show it, cut from what the course page
// reads (so a department head sees exactly the attendees the page shows them), with the shared texts.
// Attendees appear by number, name and department only: a form that is printed and filed carries no
// phone or ID numbers.
import type { TFunction } from "i18next";

import { yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { safeFileName } from "~/utils/file-name";
import { formApproval } from "~/workflow/form-approval";

import type { coursePage } from "./course-page.server";

type Page = NonNullable<Awaited<ReturnType<typeof coursePage>>>;

export function courseForm(page: Page) {
  const { course } = page;
  return {
    course: {
      id: course.id,
      title: course.title,
      capacity: course.capacity,
      outline: course.outline,
      lecturerKind: course.lecturerKind,
      lecturer: course.lecturer
        ? { name: course.lecturer.name, employeeNo: course.lecturer.employeeNo, post: course.lecturer.post }
        : null,
      externalLecturer: course.externalLecturer,
      externalOrg: course.externalOrg,
      costs: course.costs,
      totalFen: Object.values(course.costs).reduce((s, v) => s + v, 0),
      state: course.state,
      revision: course.revision,
    },
    item: page.item,
    plan: { year: page.plan.year, month: page.plan.month },
    month: yearMonth(page.plan.year, page.plan.month),
    sessions: page.sessions.map((s, i) => ({
      no: i + 1,
      date: s.date,
      start: s.start,
      end: s.end,
      location: s.location,
    })),
    attendees: page.attendees.map((a, i) => ({
      no: i + 1,
      name: a.name,
      employeeNo: a.employeeNo,
      department: a.department,
    })),
    attendeeCount: page.attendeeCount,
    scoped: page.scoped,
    materials: page.materials.map((m) => m.fileName),
    approval: formApproval(page.decisions, course.state, course.revision),
  };
}
export type CourseForm = ReturnType<typeof courseForm>;

export const COST_KEYS = ["lecturerFee", "venueFee", "materialsFee", "externalFee", "otherFee"] as const;

/** The lecturer as the form names them: an employee with number and post, or the outside trainer and institution. */
export function courseLecturer(t: TFunction, course: CourseForm["course"]): string {
  if (course.lecturerKind === "INTERNAL")
    return course.lecturer ? t("training.personWith", { ...course.lecturer, detail: course.lecturer.post }) : "—";
  return [course.externalLecturer, course.externalOrg].filter(Boolean).join(" · ") || "—";
}

/** Every place the sessions are held, once each. */
export const courseLocations = (t: TFunction, form: Pick<CourseForm, "sessions">) =>
  [...new Set(form.sessions.map((s) => s.location))].join(t("training.listSeparator")) || "—";

/**
 * The form's head in the document's order (item, category, headcount, place, lecturer, materials): lines of
 * one label and value across the page, or two side by side.
 */
export function courseParticulars(
  t: TFunction,
  form: Pick<CourseForm, "course" | "item" | "attendeeCount" | "sessions" | "materials">,
): Array<Array<[string, string]>> {
  const { course, item } = form;
  return [
    [[t("course.fields.title"), course.title]],
    [
      [t("course.fields.item"), item.title],
      [t("course.print.itemSource"), t(`course.print.source.${item.planned ? "planned" : "unplanned"}`)],
    ],
    [
      [t("course.fields.category"), t(`training.categories.${item.category}`)],
      [
        t("course.print.headcount"),
        t("course.print.headcountValue", { count: form.attendeeCount, capacity: course.capacity }),
      ],
    ],
    [
      [t("course.fields.lecturer"), courseLecturer(t, course)],
      [t("course.fields.lecturerKind"), t(`course.lecturerKinds.${course.lecturerKind}`)],
    ],
    [[t("course.print.location"), courseLocations(t, form)]],
    [[t("course.fields.materials"), form.materials.join(t("training.listSeparator")) || t("course.print.noMaterials")]],
  ];
}

export function courseFileNames(t: TFunction, form: CourseForm) {
  const { course } = form;
  const name = t("course.print.fileName", { title: course.title, revision: course.revision });
  return {
    name: `${safeFileName(name)}.xlsx`,
    ascii: `course-plan-${form.month}-${course.id.slice(-8)}-r${course.revision}.xlsx`,
  };
}
