// The rule loop's pages: who sees whose figures, and the figures shaped for the year list and a rule's page.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { subtreeIds } from "~/utils/department-tree";

import {
  beforeAfter,
  coursesTeaching,
  ruleCatalogue,
  ruleDetailFigures,
  ruleFigures,
  type Scope,
} from "./rule-loop-queries.server";
import {
  courseWindows,
  enforcedAtWork,
  missRate,
  perAttendee,
  rankRules,
  type RuleSort,
  type Window,
} from "./rule-loop-rules";

type Department = { id: string; parentId: string | null; name: string; kind: string; sortOrder: number };

/** The department a figure is shown under: teams count with the department above them. */
function unitOf(departments: Department[], id: string): string {
  const byId = new Map(departments.map((d) => [d.id, d]));
  let d = byId.get(id);
  while (d?.kind === "TEAM" && d.parentId && byId.has(d.parentId)) d = byId.get(d.parentId);
  return d?.id ?? id;
}

/**
 * Whose figures count: a department head's department (and teams) only, whatever they ask; others
 * everyone, or the department they pick. `choices` are the departments that may be picked.
 */
export async function viewOf(scope: string[] | null, asked: string | null) {
  const departments = await db.department.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, parentId: true, name: true, kind: true, sortOrder: true },
  });
  const units = departments.filter((d) => d.kind === "DEPARTMENT");
  const choices = scope ? units.filter((d) => scope.includes(d.id)) : units;
  const picked = choices.find((d) => d.id === asked) ?? null;
  const people: Scope = picked ? subtreeIds(departments, [picked.id]) : scope;
  return { departments, choices, picked: picked?.id ?? null, people, scoped: scope !== null };
}

export async function ruleLoopYear(window: Window, people: Scope, sort: RuleSort) {
  const [rules, figures] = await Promise.all([ruleCatalogue(), ruleFigures(window, people)]);
  const rows = rules.map((r) => {
    const f = figures.get(r.id);
    return {
      ruleId: r.id,
      group: r.group,
      sortOrder: r.sortOrder,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      redLine: r.redLine,
      courses: f?.courses ?? 0,
      sessions: f?.sessions ?? 0,
      questions: f?.questions ?? 0,
      answered: f?.answered ?? 0,
      wrong: f?.wrong ?? 0,
      missRate: missRate(f?.answered ?? 0, f?.wrong ?? 0),
      enforced: enforcedAtWork(r.id),
      breaches: f?.breaches ?? 0,
    };
  });
  return rankRules(rows, sort);
}

export async function ruleLoopDetail(ruleId: string, window: Window, view: Awaited<ReturnType<typeof viewOf>>) {
  const rule = (await ruleCatalogue()).find((r) => r.id === ruleId);
  if (!rule) return null;
  const at = now();
  // The courses' before/after read runs while the rule's figures are read: neither needs the other.
  const teaching = async () => {
    const courses = await coursesTeaching(ruleId, window, view.people);
    const windows = courses.map((c) => ({ courseId: c.id, ...courseWindows(c.firstStart, c.lastEnd, at) }));
    const effects = new Map((await beforeAfter(ruleId, windows, view.people)).map((e) => [e.courseId, e]));
    return { courses, windows, effects };
  };
  const [{ totals, split }, { courses, windows, effects }] = await Promise.all([
    ruleDetailFigures(ruleId, window, view.people),
    teaching(),
  ]);

  // Per department: the units in view, each with its teams' figures added in.
  const units = new Map<string, { answered: number; wrong: number; breaches: number }>();
  const unit = (departmentId: string) => {
    const id = unitOf(view.departments, departmentId);
    return units.get(id) ?? units.set(id, { answered: 0, wrong: 0, breaches: 0 }).get(id)!;
  };
  for (const a of split.answers) {
    const u = unit(a.departmentId);
    u.answered += a.answered;
    u.wrong += a.wrong;
  }
  for (const b of split.breaches) unit(b.departmentId).breaches += b.breaches;
  const departments = view.departments
    .filter((d) => units.has(d.id))
    .map((d) => {
      const f = units.get(d.id)!;
      return { id: d.id, name: d.name, ...f, missRate: missRate(f.answered, f.wrong) };
    });

  return {
    rule,
    enforced: enforcedAtWork(ruleId),
    totals: { ...totals, missRate: missRate(totals.answered, totals.wrong) },
    departments,
    courses: courses.map((c, i) => {
      const e = effects.get(c.id);
      const w = windows[i];
      return {
        id: c.id,
        title: c.title,
        firstStart: c.firstStart,
        lastEnd: c.lastEnd,
        sessions: c.sessions,
        attendees: c.attendees,
        afterComplete: w.complete,
        before: {
          answered: e?.beforeAnswered ?? 0,
          missRate: missRate(e?.beforeAnswered ?? 0, e?.beforeWrong ?? 0),
          breaches: e?.beforeBreaches ?? 0,
          perAttendee: perAttendee(e?.beforeBreaches ?? 0, c.attendees),
        },
        after: {
          answered: e?.afterAnswered ?? 0,
          missRate: missRate(e?.afterAnswered ?? 0, e?.afterWrong ?? 0),
          breaches: e?.afterBreaches ?? 0,
          perAttendee: perAttendee(e?.afterBreaches ?? 0, c.attendees),
        },
      };
    }),
  };
}
export type RuleLoopDetail = NonNullable<Awaited<ReturnType<typeof ruleLoopDetail>>>;
