// /preparation is a keyset list (session 14): courses still to come soonest first session first, with the past
// toggle every course ever delivered latest first; ids break ties on the first session. A page shows at most
// PREPARATION_PAGE_SIZE courses, paging forwards visits each once in order, paging back gives the same pages
// reversed, a department head pages only their departments' courses, and a bad cursor is the first page.
// docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { PREPARATION_PAGE_SIZE } from "~/domain/delivery/preparation-queries.server";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { loader } from "~/routes/_app.preparation";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { departments, growPeople, join, loaderReader, walk } from "./list-pages-support";
import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const DAY = 86_400_000;
type Course = { id: string; firstSession: string | Date | null; lastEnd: string | Date | null };
type Body = { months: Array<{ courses: Course[] }>; next: string | null; previous: string | null };
const read = loaderReader<Body>(loader, "/preparation");
const ids = (b: Body) => b.months.flatMap((m) => m.courses.map((c) => c.id));
const cursors = (b: Body) => ({ next: b.next, previous: b.previous });

/**
 * 40 delivered courses to come, every three sharing their first session's start (ties), attended by the grown
 * people of 催收一部 (even ones) or 催收二部 (odd ones).
 */
async function growCourses() {
  await growPeople();
  const { col1, col2 } = await departments();
  const grown = await db.person.findMany({
    where: { employeeNo: { startsWith: "X" } },
    select: { id: true, departmentId: true },
  });
  const who = await db.person.findMany({
    where: { employeeNo: { in: ["T0001", "T0002"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const person = (no: string) => who.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  for (let k = 0; k < 40; k++) {
    const start = new Date(DEMO_AT.getTime() + (2 + Math.floor(k / 3)) * DAY);
    await db.$transaction(async (tx) => {
      const course = await makeApprovedCourse(tx, {
        monthlyItemId: item.id,
        title: `准备翻页测试 ${k}`,
        attendeeIds: grown.filter((p) => p.departmentId === (k % 2 ? col2 : col1)).map((p) => p.id),
        sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), location: "培训室 B201" }],
        clerk: person("T0002"),
        manager: person("T0001"),
        submittedAt: new Date(DEMO_AT.getTime() - 2 * DAY),
        approvedAt: new Date(DEMO_AT.getTime() - DAY),
      });
      await startPreparation(tx, course.id);
    });
  }
}

/** Every delivered course's first session (null: none), for the expected orders. */
async function delivered() {
  const rows = await db.course.findMany({
    where: { delivery: { isNot: null } },
    select: { id: true, sessions: { select: { startsAt: true, endsAt: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    first: Math.min(...c.sessions.map((s) => s.startsAt.getTime())),
    lastEnd: Math.max(...c.sessions.map((s) => s.endsAt.getTime())),
  }));
}
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("the preparation list", () => {
  it("courses to come: pages soonest first, ids breaking ties, each once; back paging alike", async () => {
    await growCourses();
    const pages = await walk(read, "T0002", "", cursors, ids);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(PREPARATION_PAGE_SIZE);
    const at = now().getTime();
    const expected = (await delivered())
      .filter((c) => c.lastEnd > at)
      .sort((a, b) => a.first - b.first || byId(a, b))
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThanOrEqual(40);
    expect(pages.flat()).toEqual(expected);
  });

  it("the past toggle: every course ever delivered, latest first session first, each once", async () => {
    await growCourses();
    const pages = await walk(read, "T0002", "?past=1", cursors, ids);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(PREPARATION_PAGE_SIZE);
    const expected = (await delivered()).sort((a, b) => b.first - a.first || byId(b, a)).map((c) => c.id);
    expect(expected.length).toBe(await db.courseDelivery.count());
    expect(expected.length).toBeGreaterThan(2 * PREPARATION_PAGE_SIZE);
    expect(pages.flat()).toEqual(expected);
  });

  it("a department head pages only courses attended by their departments' people", async () => {
    await growCourses();
    const { col1Tree } = await departments();
    const seen = (await walk(read, "D0101", "?past=1", cursors, ids)).flat();
    const inScope = await db.course.findMany({
      where: {
        delivery: { isNot: null },
        attendees: { some: { person: { departmentId: { in: col1Tree } } } },
      },
      select: { id: true },
    });
    expect(seen.length).toBeGreaterThan(PREPARATION_PAGE_SIZE);
    expect([...seen].sort()).toEqual(inScope.map((c) => c.id).sort());
  });

  it("a cursor that does not decode is the first page", async () => {
    await growCourses();
    for (const query of ["", "?past=1"]) {
      const first = ids(await read("T0002", query));
      for (const bad of ["x", "12.", "999999999999999999.a", "-3.abc"])
        expect(ids(await read("T0002", join(query, `after=${encodeURIComponent(bad)}`))), bad).toEqual(first);
      expect(ids(await read("T0002", join(query, "before=%%")))).toEqual(first);
    }
  });
});
