// A trainee's make-ups: what a missed session leaves owed, which later sessions are offered, and how a
// make-up turns out (enrolled, made up, owed again).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { makeUpStanding } from "~/domain/attendance/attendance-rules";
import { MAKE_UP_TODO, offerMakeUp } from "~/domain/attendance/make-up-offer.server";
import { myMissedSessions } from "~/domain/attendance/make-up-queries.server";
import { loader as myLoader } from "~/routes/_app.my-make-ups";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { makeUpFixture, type MakeUpFixture, recordMisses, warmUpMakeUps } from "./make-up-fixture";
import { cookieFor, demoDayAt, outcome, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const ctx = { params: {}, context: { cspNonce: "" } };
type MyData = Awaited<ReturnType<typeof myLoader>>;

beforeAll(warmUpMakeUps);
let at: Date;
let f: MakeUpFixture;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  at = demoDayAt("12:00");
  freezeClock(at);
  f = await makeUpFixture(at);
  await recordMisses(f, new Date(at.getTime() - 2 * 86_400_000 + 3_600_000));
});
afterEach(() => setClock(null));

async function mine(employeeNo: string) {
  const result = await outcome(async () =>
    myLoader({ request: requestAs(await cookieFor(employeeNo), "/my-make-ups"), ...ctx }),
  );
  expect(result.status).toBe(200);
  return (result.body as MyData).missed.filter((m) => m.missedSessionId === f.missed);
}

describe("what a missed session leaves owed", () => {
  it("an absence, a leave form and the clerk's excuse each owe a make-up once the session is over", async () => {
    expect(await mine("C0105")).toMatchObject([{ why: "ABSENT", standing: "OWED", mayChoose: true }]);
    expect(await mine("C0106")).toMatchObject([{ why: "ON_LEAVE", standing: "OWED" }]);
    expect(await mine("C0107")).toMatchObject([{ why: "EXCUSED", standing: "OWED" }]);
  });

  it("nothing is owed while the session is still running, nor by someone who attended", async () => {
    freezeClock(new Date(at.getTime() - 2 * 86_400_000 + 2 * 3_600_000));
    expect(await mine("C0105")).toEqual([]);
    expect(await mine("C0106")).toEqual([]);
    freezeClock(at);
    // Marked present after all (the mark wins over the leave form, as on the roster).
    await db.attendance.create({
      data: { sessionId: f.missed, personId: f.people.c0106, mark: "PRESENT_PAPER", source: "CLERK", at },
    });
    expect(await mine("C0106")).toEqual([]);
  });
});

describe("the sessions offered", () => {
  it("are the later sessions of the same item with a free seat, nearest first", async () => {
    const [row] = await mine("C0105");
    // Not the past, cancelled, full or unrelated sessions, and not course A's own later session (C0105 is
    // on its roster already).
    expect(row.candidates.map((c) => c.id)).toEqual([f.b1, f.b2]);
    expect(row.candidates[0]).toMatchObject({ courseTitle: "补课测试 B", seatsLeft: 1, sameCourse: false });
  });

  it("the offer is a to-do linking the page", async () => {
    await db.$transaction((tx) => offerMakeUp(tx, { personId: f.people.c0105, missedSessionId: f.missed }));
    const todo = await db.todoItem.findFirstOrThrow({
      where: { personId: f.people.c0105, kind: MAKE_UP_TODO.kind, doneAt: null },
    });
    expect(todo).toMatchObject({ href: "/my-make-ups", params: { title: "补课测试 A" } });
  });
});

describe("how a make-up turns out", () => {
  const enrol = () =>
    db.makeUp.create({
      data: { personId: f.people.c0105, missedSessionId: f.missed, sessionId: f.b1, acceptedAt: at },
    });
  const b1 = () => db.courseSession.findUniqueOrThrow({ where: { id: f.b1 } });

  it("enrolled until the make-up session, made up when attended, owed again when missed", async () => {
    await enrol();
    expect(await mine("C0105")).toMatchObject([{ standing: "ENROLLED", makeUp: { sessionId: f.b1 } }]);
    const session = await b1();
    await db.attendance.create({
      data: { sessionId: f.b1, personId: f.people.c0105, mark: "LATE", source: "QR", at: session.startsAt },
    });
    freezeClock(new Date(session.endsAt.getTime() + 60_000));
    expect(await mine("C0105")).toMatchObject([{ standing: "DONE", mayChoose: false }]);
    await db.attendance.delete({ where: { sessionId_personId: { sessionId: f.b1, personId: f.people.c0105 } } });
    expect(await mine("C0105")).toMatchObject([{ standing: "OWED", mayChoose: true }]);
  });

  it("the list's standing is the one makeUpStanding gives", async () => {
    await enrol();
    const session = await b1();
    for (const [clock, mark] of [
      [at, null],
      [new Date(session.endsAt.getTime() + 1), null],
      [new Date(session.endsAt.getTime() + 1), "PRESENT"],
    ] as const) {
      freezeClock(clock);
      if (mark)
        await db.attendance.create({
          data: { sessionId: f.b1, personId: f.people.c0105, mark, source: "QR", at: session.startsAt },
        });
      const [row] = (await myMissedSessions(f.people.c0105, clock)).filter((r) => r.missedSessionId === f.missed);
      expect(row.standing).toBe(
        makeUpStanding({
          status: "ABSENT",
          sessionEnded: true,
          makeUp: { sessionEnded: clock >= session.endsAt, status: mark ?? "UNMARKED" },
        }),
      );
    }
  });
});
