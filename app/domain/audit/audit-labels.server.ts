// What an audit entry is about, in words: the entity's name, title or masked number, read in one query
// per entity type for a page of entries. An entity removed since is left unnamed (the page shows its id).
import { db } from "~/utils/db.server";

import { maskCaseNo } from "./audit-rules";

type Ref = { entityType: string; entityId: string | null };
type Loader = (ids: string[]) => Promise<Array<[string, string]>>;

const person = (p: { name: string; employeeNo: string }) => `${p.name} ${p.employeeNo}`;

const LOADERS: Record<string, Loader> = {
  Person: async (ids) =>
    (await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, employeeNo: true } })).map(
      (p) => [p.id, person(p)],
    ),
  Account: (ids) => LOADERS.Person(ids),
  Department: async (ids) =>
    (await db.department.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((d) => [
      d.id,
      d.name,
    ]),
  Course: async (ids) =>
    (await db.course.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((c) => [
      c.id,
      c.title,
    ]),
  AnnualPlan: async (ids) =>
    (await db.annualPlan.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((p) => [
      p.id,
      p.title,
    ]),
  MonthlyPlan: async (ids) =>
    (await db.monthlyPlan.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((p) => [
      p.id,
      p.title,
    ]),
  NeedsSurvey: async (ids) =>
    (await db.needsSurvey.findMany({ where: { id: { in: ids } }, select: { id: true, year: true } })).map((s) => [
      s.id,
      String(s.year),
    ]),
  Quiz: async (ids) =>
    (await db.quiz.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((q) => [
      q.id,
      q.title,
    ]),
  QuizQuestion: async (ids) =>
    (await db.quizQuestion.findMany({ where: { id: { in: ids } }, select: { id: true, stem: true } })).map((q) => [
      q.id,
      q.stem.length > 40 ? `${q.stem.slice(0, 40)}…` : q.stem,
    ]),
  QuizAttempt: async (ids) =>
    (
      await db.quizAttempt.findMany({
        where: { id: { in: ids } },
        select: { id: true, person: { select: { name: true, employeeNo: true } }, quiz: { select: { title: true } } },
      })
    ).map((a) => [a.id, `${person(a.person)} · ${a.quiz.title}`]),
  CollectionCase: async (ids) =>
    (await db.collectionCase.findMany({ where: { id: { in: ids } }, select: { id: true, caseNo: true } })).map((c) => [
      c.id,
      maskCaseNo(c.caseNo),
    ]),
  CaseBatch: async (ids) =>
    (await db.caseBatch.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } })).map((b) => [
      b.id,
      b.fileName,
    ]),
  ApiKey: async (ids) =>
    (await db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => [
      k.id,
      k.name,
    ]),
  DepartmentNeedsForm: async (ids) =>
    (
      await db.departmentNeedsForm.findMany({
        where: { id: { in: ids } },
        select: { id: true, department: { select: { name: true } } },
      })
    ).map((f) => [f.id, f.department.name]),
  // Their ids are what they are called.
  CallRule: async (ids) => ids.map((id) => [id, id]),
  CaseSlurWord: async (ids) => ids.map((id) => [id, id]),
  Setting: async (ids) => ids.map((id) => [id, id]),
};

/** "<entityType>:<entityId>" → a human label, for the entries given. */
export async function entityLabels(entries: Ref[]): Promise<Record<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const e of entries)
    if (e.entityId && LOADERS[e.entityType])
      byType.set(e.entityType, (byType.get(e.entityType) ?? new Set()).add(e.entityId));
  const loaded = await Promise.all(
    [...byType].map(async ([type, ids]) =>
      (await LOADERS[type]([...ids])).map(([id, label]) => [`${type}:${id}`, label]),
    ),
  );
  return Object.fromEntries(loaded.flat());
}
