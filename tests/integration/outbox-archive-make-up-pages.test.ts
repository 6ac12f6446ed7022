// The outbox, the archive desk and the make-up list are keyset pages (they were OFFSET pages): a page shows at
// most its size, paging forwards visits every row once and in the list's order (ties broken as the order
// says), paging back gives the same pages reversed, a filter holds across pages, and a cursor that does not
// decode is the first page. docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { ARCHIVE_PAGE_SIZE } from "~/domain/archive/archive-queries.server";
import { MAKE_UP_PAGE_SIZE } from "~/domain/attendance/make-up-views";
import { OUTBOX_PAGE_SIZE } from "~/domain/mail/outbox-queries.server";
import { loader as archiveLoader } from "~/routes/_app.archive";
import { loader as makeUpsLoader } from "~/routes/_app.make-ups";
import { loader as outboxLoader } from "~/routes/_app.outbox._index";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { growPeople, join, loaderReader, walk, type Paged } from "./list-pages-support";
import { cookieFor, DEMO_AT, demoCompanyBeforeEachTest, outcome, requestAs } from "./support";

demoCompanyBeforeEachTest();

const DAY = 86_400_000;
const HOUR = 3_600_000;
const byInstantThenId = (dir: 1 | -1) => (a: { at: Date; id: string }, b: { at: Date; id: string }) =>
  dir * (a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

async function people() {
  const who = await db.person.findMany({
    where: { employeeNo: { in: ["T0001", "T0002"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  return { manager: who.find((p) => p.employeeNo === "T0001")!, clerk: who.find((p) => p.employeeNo === "T0002")! };
}

/** An approved course with `count` sessions ending before the demo day, `first` days back, a day apart; two
 * courses made with the same `first` share their sessions' starts (ties). */
async function pastCourse(title: string, count: number, attendeeIds: string[] = []) {
  const { manager, clerk } = await people();
  const item = await db.monthlyPlanItem.findFirstOrThrow({ select: { id: true } });
  const start = (i: number) => new Date(DEMO_AT.getTime() - (10 + i) * DAY);
  const course = await db.$transaction((tx) =>
    makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title,
      attendeeIds,
      sessions: Array.from({ length: count }, (_, i) => ({
        startsAt: start(i),
        endsAt: new Date(start(i).getTime() + HOUR),
        location: "培训室 B201",
      })),
      clerk,
      manager,
      submittedAt: new Date(start(count).getTime() - 2 * DAY),
      approvedAt: new Date(start(count).getTime() - DAY),
    }),
  );
  return db.courseSession.findMany({ where: { courseId: course.id }, select: { id: true, startsAt: true } });
}

describe("the outbox (/outbox)", () => {
  type Body = { total: number; messages: Array<{ id: string }> } & Paged;
  const read = loaderReader<Body>(outboxLoader, "/outbox");
  const ids = (p: Body) => p.messages.map((m) => m.id);

  it("pages through every message once, newest first (ids breaking ties), the search held on each page", async () => {
    // 130 messages at three instants (ties), every other one to 翻页甲.
    await db.outboxMessage.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        kind: "course.notice",
        toAddress: `page${i}@example.com`,
        toName: i % 2 ? "翻页甲" : "翻页乙",
        subject: "培训通知",
        text: "请参加",
        createdAt: new Date(DEMO_AT.getTime() - (i % 3) * HOUR),
      })),
    });
    const all = await db.outboxMessage.findMany({ select: { id: true, createdAt: true, toName: true } });
    const order = (rows: typeof all) =>
      rows
        .map((m) => ({ at: m.createdAt, id: m.id }))
        .sort(byInstantThenId(-1))
        .map((m) => m.id);

    const pages = await walk(read, "A0001", "", (p) => p, ids);
    expect(pages.map((p) => p.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(OUTBOX_PAGE_SIZE));
    expect(pages.flat()).toEqual(order(all));

    const q = `?q=${encodeURIComponent("翻页甲")}`;
    const found = await walk(read, "A0001", q, (p) => p, ids);
    expect(found.flat()).toEqual(order(all.filter((m) => m.toName === "翻页甲")));
    expect(found.map((p) => p.length)).toEqual([50, 15]);
    expect((await read("A0001", q)).total).toBe(65);
  });

  it("a cursor that does not decode is the first page; a department head may not read it", async () => {
    const list = (p: Body) => ({ messages: ids(p), next: p.next, previous: p.previous });
    const first = list(await read("A0001", ""));
    expect(list(await read("A0001", "?after=not-a-cursor"))).toEqual(first);
    expect(list(await read("A0001", `?before=${"9".repeat(90)}`))).toEqual(first);
    const head = await cookieFor("D0101");
    const asHead = await outcome(() =>
      outboxLoader({ request: requestAs(head, "/outbox"), params: {}, context: { cspNonce: "" } } as never),
    );
    expect(asHead.status).toBe(403);
  });
});

describe("the archive desk (/archive)", () => {
  type Row = { id: string };
  type Body = { counts: { open: number; closed: number }; list: { view: string; sessions: Row[] } & Paged };
  const read = loaderReader<Body>(archiveLoader, "/archive");
  const ids = (p: Body) => p.list.sessions.map((s) => s.id);

  it("open sessions: every one once, oldest first (ids breaking ties), back paging, the month holding", async () => {
    const a = await pastCourse("归档翻页甲", 45);
    const b = await pastCourse("归档翻页乙", 3);
    const first = await read("T0002", "");
    const pages = await walk(read, "T0002", "", (p) => p.list, ids);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(ARCHIVE_PAGE_SIZE);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.counts.open);
    const ours = [...a, ...b].map((s) => ({ at: s.startsAt, id: s.id })).sort(byInstantThenId(1));
    expect(seen.filter((id) => ours.some((s) => s.id === id))).toEqual(ours.map((s) => s.id));

    const month = a[20].startsAt.toISOString().slice(0, 7);
    const inMonth = await walk(read, "T0002", `?month=${month}`, (p) => p.list, ids);
    expect(inMonth.flat().length).toBe((await read("T0002", `?month=${month}`)).counts.open);
  });

  it("closed rosters: every one once, the latest closed first (session ids breaking ties, latest first)", async () => {
    const sessions = await pastCourse("归档翻页丙", 50);
    const { clerk } = await people();
    await db.rosterClosure.createMany({
      data: sessions.map((s, i) => ({
        sessionId: s.id,
        closedById: clerk.id,
        closedAt: new Date(DEMO_AT.getTime() - (i % 4) * HOUR),
      })),
    });
    const all = await db.rosterClosure.findMany({ select: { sessionId: true, closedAt: true } });
    const order = all
      .map((c) => ({ at: c.closedAt, id: c.sessionId }))
      .sort(byInstantThenId(-1))
      .map((c) => c.id);
    const pages = await walk(read, "T0002", "?view=closed", (p) => p.list, ids);
    expect(pages.map((p) => p.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(ARCHIVE_PAGE_SIZE));
    expect(pages.flat()).toEqual(order);
    expect(await read("T0002", "?view=closed&after=garbage")).toEqual(await read("T0002", "?view=closed"));
  });
});

describe("the make-up list (/make-ups)", () => {
  type Row = { personId: string; missedSessionId: string; employeeNo: string; departmentId?: string };
  type Body = { counts: Record<string, number>; rows: Row[] } & Paged;
  const read = loaderReader<Body>(makeUpsLoader, "/make-ups");
  const keys = (p: Body) => p.rows.map((r) => `${r.employeeNo}/${r.missedSessionId}`);

  /** 20 of the people grown in 催收一部 and 20 in 催收二部 attend two past sessions at the same start (of two
   * courses: ties on the instant); each is marked absent from both: 80 rows, four pages. */
  async function growMisses() {
    const { col1, col2 } = await growPeople();
    const grown = await db.person.findMany({
      where: {
        employeeNo: {
          in: [0, 1].flatMap((k) => Array.from({ length: 20 }, (_, i) => `X${k}${String(i).padStart(3, "0")}`)),
        },
      },
      select: { id: true },
    });
    const ids = grown.map((p) => p.id);
    const sessions = [...(await pastCourse("补课翻页甲", 1, ids)), ...(await pastCourse("补课翻页乙", 1, ids))];
    await db.attendance.createMany({
      data: sessions.flatMap((s) =>
        ids.map((personId) => ({
          sessionId: s.id,
          personId,
          mark: "ABSENT" as const,
          source: "CLERK" as const,
          at: DEMO_AT,
        })),
      ),
    });
    return { col1, col2, sessions };
  }

  it("owed: every row once in its order, back paging, the department filter holding, a stray cursor", async () => {
    const { col2, sessions } = await growMisses();
    const first = await read("T0002", "");
    const pages = await walk(read, "T0002", "", (p) => p, keys);
    expect(pages.map((p) => p.length).slice(0, -1)).toEqual(Array(pages.length - 1).fill(MAKE_UP_PAGE_SIZE));
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.counts.owed);
    // Ours end at the same instant: by employee number, then the missed session's id.
    const sessionIds = sessions.map((s) => s.id).sort();
    const ours = seen.filter((k) => sessionIds.includes(k.split("/")[1]));
    expect(ours).toEqual(
      [...ours].sort((a, b) => {
        const [[na, sa], [nb, sb]] = [a.split("/"), b.split("/")];
        return na < nb ? -1 : na > nb ? 1 : sa < sb ? -1 : sa > sb ? 1 : 0;
      }),
    );
    expect(ours).toHaveLength(80);

    const q = `?departmentId=${col2}`;
    const inCol2 = await walk(read, "T0002", q, (p) => p, keys);
    expect(inCol2.flat().filter((k) => k.startsWith("X1"))).toHaveLength(40);
    expect(inCol2.flat().some((k) => k.startsWith("X0"))).toBe(false);
    expect(inCol2.flat().length).toBe((await read("T0002", q)).counts.owed);

    expect(await read("T0002", join(q, "after=0.x.y"))).toEqual(await read("T0002", q));
  });

  it("new hires: by standing, then when the missed session ended, every row once", async () => {
    await growMisses();
    await db.person.updateMany({ where: { employeeNo: { startsWith: "X" } }, data: { status: "NEW_HIRE" } });
    await db.monthlyPlanItem.updateMany({
      where: { courses: { some: { title: { startsWith: "补课翻页" } } } },
      data: { category: "NEW_HIRE" },
    });
    const pages = await walk(read, "T0002", "?view=newHires", (p) => p, keys);
    expect(pages.length).toBeGreaterThan(2);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await read("T0002", "?view=newHires")).counts.newHires);
  });
});
