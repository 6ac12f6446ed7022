// The leave queues (/leave) are keyset pages, no silent cap: a page shows at most LEAVE_PAGE_SIZE forms,
// paging forwards visits every form of the list once and in its order (ties on the session's start broken by
// id), paging back gives the same pages reversed, a head sees only their departments' forms, and the clerk's
// two lists page on their own. docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { LEAVE_PAGE_SIZE } from "~/domain/leave/leave-queries.server";
import type { ApprovalState, Prisma } from "~/generated/prisma/client";
import { loader } from "~/routes/_app.leave._index";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { departments, growPeople, loaderReader, walk, type Paged } from "./list-pages-support";
import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const DAY = 86_400_000;
type Item = { id: string };
type Body = {
  mine: Item[];
  review: Item[];
  received: { open: Item[]; done: Item[] };
  pages: Record<"mine" | "review" | "open" | "done", Paged>;
};
const read = loaderReader<Body>(loader, "/leave");
const ids = (items: Item[]) => items.map((i) => i.id);

/**
 * C0105 files for 40 sessions, a day apart but the first shared with a second course (a tie on the start);
 * the 140 people grown in 催收一部 and 催收二部 file for both tied sessions. The states rotate over submitted,
 * approved and approved-and-acknowledged (acknowledged at one of two instants: more ties).
 */
async function growLeave() {
  await growPeople();
  const who = await db.person.findMany({
    where: { employeeNo: { in: ["C0105", "T0001", "T0002"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const person = (no: string) => who.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  const start = (i: number) => new Date(DEMO_AT.getTime() + (3 + i) * DAY);
  const course = (title: string, count: number) =>
    db.$transaction((tx) =>
      makeApprovedCourse(tx, {
        monthlyItemId: item.id,
        title,
        attendeeIds: [],
        sessions: Array.from({ length: count }, (_, i) => ({
          startsAt: start(i),
          endsAt: new Date(start(i).getTime() + 3_600_000),
          location: "培训室 B201",
        })),
        clerk: person("T0002"),
        manager: person("T0001"),
        submittedAt: new Date(DEMO_AT.getTime() - 2 * DAY),
        approvedAt: new Date(DEMO_AT.getTime() - DAY),
      }),
    );
  const [a, b] = [await course("请假翻页甲", 40), await course("请假翻页乙", 1)];
  const sessions = await db.courseSession.findMany({
    where: { courseId: { in: [a.id, b.id] } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true },
  });
  const tied = sessions.filter((s) => s.startsAt.getTime() === start(0).getTime());
  // In employee-number order: which forms are waiting (every third) must not hang on the table's row order, which
  // differs between PostgreSQL versions (the head's queue came out at 60 forms, two pages, on PostgreSQL 15).
  const grown = await db.person.findMany({
    where: { employeeNo: { startsWith: "X" } },
    orderBy: { employeeNo: "asc" },
    select: { id: true },
  });
  const forms = [
    ...sessions.map((s) => ({ sessionId: s.id, personId: person("C0105").id })),
    ...grown.flatMap((p) => tied.map((s) => ({ sessionId: s.id, personId: p.id }))),
  ];
  const states: ApprovalState[] = ["SUBMITTED", "APPROVED", "APPROVED"];
  for (const [i, f] of forms.entries()) {
    const approval = await db.approval.create({
      data: { subjectType: "LeaveRequest", state: states[i % 3], submittedById: f.personId },
    });
    await db.leaveRequest.create({
      data: {
        ...f,
        reasonKind: "ILLNESS",
        reasonText: `翻页请假 ${i}`,
        approvalId: approval.id,
        createdAt: DEMO_AT,
        acknowledgedAt: i % 3 === 2 ? new Date(DEMO_AT.getTime() - (i % 2) * 60_000) : null,
      },
    });
  }
}

/** The oracle: every form matching `where`, sorted as the list says. */
async function expected(where: Prisma.LeaveRequestWhereInput, by: "start" | "acknowledged", dir: 1 | -1) {
  const all = await db.leaveRequest.findMany({
    where,
    select: { id: true, acknowledgedAt: true, session: { select: { startsAt: true } } },
  });
  const at = (l: (typeof all)[number]) => (by === "start" ? l.session.startsAt : l.acknowledgedAt!).getTime();
  return all.sort((x, y) => dir * (at(x) - at(y) || (x.id < y.id ? -1 : 1))).map((l) => l.id);
}

describe("the leave queues (请假)", () => {
  it("a trainee pages through every form of theirs once, the latest session first", async () => {
    await growLeave();
    const pages = await walk(
      read,
      "C0105",
      "?tab=mine",
      (p) => p.pages.mine,
      (p) => ids(p.mine),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].length).toBe(LEAVE_PAGE_SIZE);
    const me = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0105" } });
    expect(pages.flat()).toEqual(await expected({ personId: me.id }, "start", -1));
  });

  it("a head pages through the forms waiting for them, their departments' only, soonest session first", async () => {
    await growLeave();
    const { col1Tree } = await departments();
    const head = await db.person.findUniqueOrThrow({ where: { employeeNo: "D0101" } });
    const pages = await walk(
      read,
      "D0101",
      "?tab=review",
      (p) => p.pages.review,
      (p) => ids(p.review),
    );
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(LEAVE_PAGE_SIZE);
    expect(pages.length).toBeGreaterThan(2);
    const waiting = await expected(
      {
        approval: { state: "SUBMITTED" },
        personId: { not: head.id },
        person: { departmentId: { in: col1Tree } },
      },
      "start",
      1,
    );
    expect(pages.flat()).toEqual(waiting);
    // None of 催收二部's grown people (X1…) is on them.
    const outside = await db.leaveRequest.count({
      where: { id: { in: pages.flat() }, person: { employeeNo: { startsWith: "X1" } } },
    });
    expect(outside).toBe(0);
  });

  it("the clerk's open and done lists page on their own, each in its order", async () => {
    await growLeave();
    const open = await walk(
      read,
      "T0002",
      "?tab=received&list=open",
      (p) => p.pages.open,
      (p) => ids(p.received.open),
    );
    expect(open.flat()).toEqual(await expected({ approval: { state: "APPROVED" }, acknowledgedAt: null }, "start", 1));
    const done = await walk(
      read,
      "T0002",
      "?tab=received&list=done",
      (p) => p.pages.done,
      (p) => ids(p.received.done),
    );
    expect(done.length).toBeGreaterThan(1);
    expect(done.flat()).toEqual(
      await expected({ approval: { state: "APPROVED" }, acknowledgedAt: { not: null } }, "acknowledged", -1),
    );
    // Paging the done list leaves the open one on its first page, and the reverse.
    const first = await read("T0002", "?tab=received");
    const pagedDone = await read(
      "T0002",
      `?tab=received&list=done&after=${encodeURIComponent(first.pages.done.next!)}`,
    );
    expect(ids(pagedDone.received.open)).toEqual(ids(first.received.open));
    expect(ids(pagedDone.received.done)).toEqual(done[1]);
    const pagedOpen = await read(
      "T0002",
      `?tab=received&list=open&after=${encodeURIComponent(first.pages.open.next!)}`,
    );
    expect(ids(pagedOpen.received.done)).toEqual(ids(first.received.done));
    expect(ids(pagedOpen.received.open)).toEqual(open[1]);
  });

  it("a cursor the list did not write shows the first page", async () => {
    await growLeave();
    const first = await read("T0002", "?tab=received");
    for (const stray of ["?after=1.2.3", "?before=abc", `?after=${"9".repeat(90)}`, "?list=nope&after=x"])
      expect(ids((await read("T0002", `?tab=received&${stray.slice(1)}`)).received.open)).toEqual(
        ids(first.received.open),
      );
  });
});
