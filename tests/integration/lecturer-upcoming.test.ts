// The lecturer list (/lecturers) reads only the courses each lecturer still has to give (not every course they
// ever gave): the query must name exactly the courses the pure rule `notYetHeld` names. docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { listLecturers } from "~/domain/scheduling/lecturer-queries.server";
import { notYetHeld } from "~/domain/scheduling/lecturer-rules";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const HOUR = 3_600_000;

describe("the lecturer list's courses still to give (讲师)", () => {
  it("names exactly the courses notYetHeld names: held, to come, running, no sessions, cancelled", async () => {
    const at = now();
    const lecturer = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0003" }, select: { id: true } });
    const clerk = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" }, select: { id: true } });
    const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
    const session = (fromNow: number) => ({
      startsAt: new Date(at.getTime() + fromNow * HOUR - HOUR),
      endsAt: new Date(at.getTime() + fromNow * HOUR),
      location: "培训室 B201",
    });
    // Sessions ending (hours from now); "cancelled" courses get a cancelled delivery.
    const shapes: Array<{ ends: number[]; cancelled?: boolean }> = [
      { ends: [-48] },
      { ends: [-48, -1] },
      { ends: [48] },
      { ends: [-48, 48] },
      { ends: [] },
      { ends: [48], cancelled: true },
      { ends: [], cancelled: true },
      { ends: [0.5] },
    ];
    for (const [i, shape] of shapes.entries())
      await db.course.create({
        data: {
          monthlyItem: { connect: { id: item.id } },
          title: `讲师课程${i}`,
          capacity: 10,
          outline: "—",
          lecturerKind: "INTERNAL",
          lecturer: { connect: { id: lecturer.id } },
          createdAt: new Date(at.getTime() - (10 - i) * HOUR),
          createdById: clerk.id,
          approval: { create: { subjectType: "Course", state: "APPROVED" as const, submittedById: clerk.id } },
          sessions: { create: shape.ends.map(session) },
          ...(shape.cancelled ? { delivery: { create: { state: "CANCELLED" } } } : {}),
        },
      });

    const all = await db.course.findMany({
      where: { lecturerId: lecturer.id, lecturerKind: "INTERNAL" },
      orderBy: { createdAt: "asc" },
      select: { id: true, delivery: { select: { state: true } }, sessions: { select: { endsAt: true } } },
    });
    const oracle = all
      .filter((c) => notYetHeld({ cancelled: c.delivery?.state === "CANCELLED", sessions: c.sessions }, at))
      .map((c) => c.id);
    const listed = (await listLecturers("", null)).find((p) => p.id === lecturer.id)!;
    expect(listed.upcoming.map((c) => c.id)).toEqual(oracle);
    // The shapes above hold both kinds: courses still to give and courses that are not.
    const mine = await db.course.findMany({
      where: { title: { startsWith: "讲师课程" } },
      orderBy: { createdAt: "asc" },
    });
    expect(mine.filter((c) => oracle.includes(c.id)).map((c) => c.title)).toEqual([
      "讲师课程2",
      "讲师课程3",
      "讲师课程4",
      "讲师课程7",
    ]);
  });
});
