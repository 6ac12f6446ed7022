import type { TFunction } from "i18next";
import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { YearBudgetLine } from "~/components/budget/year-budget-line";
import { formatYuan } from "~/components/training/format";

type Course = {
  capacity: number;
  outline: string;
  lecturerKind: string;
  lecturer: { name: string; employeeNo: string; post: string } | null;
  externalLecturer: string | null;
  externalOrg: string | null;
  externalContact: string | null;
  costs: Record<string, number>;
};

/** An outside trainer as one line: trainer · organisation (contact). */
export function externalLecturerText(
  t: TFunction,
  v: { externalLecturer: string | null; externalOrg: string | null; externalContact: string | null },
): string {
  const text = [v.externalLecturer, v.externalOrg].filter(Boolean).join(" · ");
  return v.externalContact ? t("training.withNote", { text, note: v.externalContact }) : text;
}

export function CourseDetails({
  course,
  item,
  month,
}: {
  course: Course;
  item: { title: string; category: string; planned: boolean };
  month: string;
}) {
  const { t } = useTranslation();
  const total = Object.values(course.costs).reduce((s, v) => s + v, 0);
  const row = (label: ReactNode, value: ReactNode) => (
    <div key={String(label)} className="grid grid-cols-[6.5rem_1fr] gap-2 py-1.5 sm:grid-cols-[8rem_1fr]">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
  const lecturer =
    course.lecturerKind === "INTERNAL"
      ? course.lecturer
        ? t("training.personWith", { ...course.lecturer, detail: course.lecturer.post })
        : "—"
      : externalLecturerText(t, course);
  return (
    <section className="card grid gap-x-8 p-4 text-sm lg:grid-cols-2">
      <dl className="divide-y divide-slate-100">
        {row(t("course.fields.item"), `${item.title} · ${t(`training.categories.${item.category}`)}`)}
        {row(t("course.fields.month"), month)}
        {row(t("course.fields.capacity"), course.capacity)}
        {row(
          t("course.fields.lecturer"),
          <>
            {lecturer}{" "}
            <span className="text-xs text-slate-500">{t(`course.lecturerKinds.${course.lecturerKind}`)}</span>
          </>,
        )}
        {row(t("course.fields.outline"), <span className="whitespace-pre-line">{course.outline}</span>)}
      </dl>
      <dl className="divide-y divide-slate-100">
        {(["lecturerFee", "venueFee", "materialsFee", "externalFee", "otherFee"] as const).map((k) =>
          row(t(`course.fields.${k}`), <span className="tabular-nums">{formatYuan(course.costs[k])}</span>),
        )}
        {row(
          <span className="font-medium text-slate-700">{t("course.fields.totalCost")}</span>,
          <span className="font-semibold tabular-nums">{formatYuan(total)}</span>,
        )}
      </dl>
    </section>
  );
}

type Clashes = {
  capacity: { attendees: number; capacity: number } | null;
  rooms: Array<{ location: string; sessionId: string; other: { title: string; sessionId: string } }>;
  people: Array<{ personId: string; courses: string[]; person: { name: string; employeeNo: string } }>;
  groups: {
    rooms: Array<{ location: string; title: string; self: boolean; sessions: number }>;
    people: Array<{ title: string; self: boolean; count: number; first: Array<{ name: string; employeeNo: string }> }>;
  };
};

/** What collides with this course; shown to the clerk while setting it up and to the manager deciding. */
export function ClashPanel({ clashes }: { clashes: Clashes }) {
  const { t } = useTranslation();
  const quoted = (title: string) => t("training.quotedTitle", { title });
  const lines = [
    ...(clashes.capacity ? [t("course.clash.capacity", clashes.capacity)] : []),
    ...clashes.groups.rooms.map((r) =>
      r.self
        ? t("course.clash.selfRoom", { location: r.location, count: r.sessions })
        : t("course.clash.roomGroup", { location: r.location, title: r.title, count: r.sessions }),
    ),
    ...clashes.groups.people.map((g) => {
      const names = g.first
        .map((p) => t("course.clash.personName", { name: p.name, employeeNo: p.employeeNo }))
        .join(t("training.listSeparator"));
      const params = { title: quoted(g.title), count: g.count, names };
      if (g.self) return t("course.clash.selfOverlap", params);
      return g.count > g.first.length
        ? t("course.clash.peopleGroupMore", params)
        : t("course.clash.peopleGroup", params);
    }),
  ];
  return (
    <section
      className={`card p-4 ${lines.length ? "border-amber-300 bg-amber-50" : ""}`}
      aria-label={t("course.clash.title")}
    >
      <h2 className="mb-1 font-semibold">{t("course.clash.title")}</h2>
      {lines.length === 0 ? (
        <p className="text-sm text-emerald-700">{t("course.clash.none")}</p>
      ) : (
        <ul role="alert" className="list-disc space-y-1 pl-5 text-sm text-amber-900">
          {[...new Set(lines)].map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Line = { title: string; budgetFen: number; otherCoursesFen: number };
type Budget = {
  costFen: number;
  year: ComponentProps<typeof YearBudgetLine>["line"];
  monthly: Line;
  annual: Line | null;
  warnings: Array<{ level: string; title: string; plannedFen: number; spentFen: number; overFen: number }>;
};

/** The course's cost against the monthly item and the annual item above it. */
export function BudgetPanel({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const line = (label: string, l: Line) => (
    <tr>
      <td className="min-w-40 whitespace-normal">{label}</td>
      <td className="text-right tabular-nums">{formatYuan(l.budgetFen)}</td>
      <td
        className={[
          "text-right",
          "tabular-nums",
          l.otherCoursesFen + budget.costFen > l.budgetFen ? "font-semibold text-red-700" : "",
        ].join(" ")}
      >
        {formatYuan(l.otherCoursesFen + budget.costFen)}
      </td>
    </tr>
  );
  return (
    <section className={`card p-4 ${budget.warnings.length ? "border-red-300" : ""}`}>
      <h2 className="mb-2 font-semibold">{t("course.budget.title")}</h2>
      <div className="mb-2">
        <YearBudgetLine line={budget.year} used="courses" />
      </div>
      {budget.warnings.map((w) => (
        <p
          key={w.level}
          role="alert"
          className="mb-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {t(`budget.concerns.${w.level}`, {
            title: w.title,
            amount: formatYuan(w.overFen),
            planned: formatYuan(w.plannedFen),
            spent: formatYuan(w.spentFen),
          })}
        </p>
      ))}
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th />
              <th className="!text-right">{t("course.budget.planned")}</th>
              <th className="!text-right">{t("course.budget.spent")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {line(t("course.budget.monthly", { title: budget.monthly.title }), budget.monthly)}
            {budget.annual ? line(t("course.budget.annual", { title: budget.annual.title }), budget.annual) : null}
          </tbody>
        </table>
      </div>
      {!budget.annual ? <p className="mt-2 text-xs text-slate-500">{t("course.budget.unplannedNote")}</p> : null}
    </section>
  );
}
