// Accepting a make-up on /my-make-ups: the trainee lands on the session's roster; anything else is
// refused with a clear message and nothing written; two trainees cannot both take the last seat.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { MAKE_UP_TODO, offerMakeUp } from "~/domain/attendance/make-up-offer.server";
import { sessionRoster } from "~/domain/attendance/roster.server";
import { attendeeSessions } from "~/domain/course/course-queries.server";
import { action as myAction } from "~/routes/_app.my-make-ups";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { makeUpFixture, type MakeUpFixture, recordMisses, warmUpMakeUps } from "./make-up-fixture";
import {
  blockedOrSettled,
  cookieFor,
  demoDayAt,
  flashOf,
  outcome,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { params: {}, context: { cspNonce: "" } };

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
  await db.$transaction(async (tx) => {
    for (const personId of [f.people.c0105, f.people.c0106])
      await offerMakeUp(tx, { personId, missedSessionId: f.missed });
  });
});
afterEach(() => setClock(null));

async function accept(employeeNo: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() =>
    myAction({
      request: requestAs(cookie, "/my-make-ups", { form: { intent: "accept", missedSessionId: f.missed, ...form } }),
      ...ctx,
    }),
  );
}
const errorOf = (result: { body: unknown }) => (result.body as { errors: Record<string, string> }).errors._form;
const written = async () => ({
  makeUps: await db.makeUp.count({ where: { missedSessionId: f.missed } }),
  audits: await db.auditEntry.count({ where: { action: { startsWith: "makeUp." } } }),
});

describe("accepting a make-up", () => {
  it("enrolls the trainee: on the session's roster, the offer closed, audited", async () => {
    const result = await accept("C0105", { sessionId: f.b1 });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/my-make-ups");
    expect(await flashOf(result)).toMatchObject({ message: "makeUps.notices.accepted" });
    const roster = await sessionRoster(f.b1);
    expect(roster!.rows.find((r) => r.personId === f.people.c0105)).toMatchObject({
      makeUpFor: { missedSessionId: f.missed, courseTitle: "补课测试 A" },
      status: "UNMARKED",
    });
    const todo = await db.todoItem.findFirstOrThrow({ where: { personId: f.people.c0105, kind: MAKE_UP_TODO.kind } });
    expect(todo.doneAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { action: "makeUp.accepted" } })).toBe(1);
    // The make-up session is on the trainee's calendar.
    const session = await db.courseSession.findUniqueOrThrow({
      where: { id: f.b1 },
      select: { course: { select: { monthlyItem: { select: { plan: { select: { year: true, month: true } } } } } } },
    });
    const { year, month } = session.course.monthlyItem.plan;
    const calendar = await attendeeSessions(f.people.c0105, year, month);
    expect(calendar.map((s) => s.id)).toContain(f.b1);
  });

  it("can be changed to another session before it starts (audited), and the first roster lets go", async () => {
    await accept("C0105", { sessionId: f.b1 });
    const result = await accept("C0105", { sessionId: f.b2 });
    expect(result.status).toBe(302);
    expect(await flashOf(result)).toMatchObject({ message: "makeUps.notices.changed" });
    expect((await sessionRoster(f.b1))!.rows.map((r) => r.personId)).not.toContain(f.people.c0105);
    expect((await sessionRoster(f.b2))!.rows.map((r) => r.personId)).toContain(f.people.c0105);
    expect(await db.auditEntry.count({ where: { action: "makeUp.changed" } })).toBe(1);
    // Once the make-up has begun it stays as it is.
    const b2 = await db.courseSession.findUniqueOrThrow({ where: { id: f.b2 } });
    freezeClock(new Date(b2.startsAt.getTime() + 60_000));
    const late = await accept("C0105", { sessionId: f.b1 });
    expect(late.status).toBe(400);
    expect(errorOf(late)).toBe("makeUps.errors.settled");
  });
});

describe("refused, with nothing written", () => {
  it("accepting for someone else", async () => {
    const before = await written();
    const result = await accept("C0105", { sessionId: f.b1, personId: f.people.c0106 });
    expect(result.status).toBe(400);
    expect(errorOf(result)).toBe("makeUps.errors.notYours");
    expect(await written()).toEqual(before);
  });

  it("a session that is not a candidate: cancelled, full, past, unrelated, or of one's own course", async () => {
    const before = await written();
    for (const sessionId of [f.cancelled, f.full, f.bPast, f.unrelated, f.aLater, "no-such-session"]) {
      const result = await accept("C0105", { sessionId });
      expect(result.status, sessionId).toBeGreaterThanOrEqual(400);
      expect(["makeUps.errors.notCandidate", "makeUps.errors.full"]).toContain(errorOf(result));
    }
    expect(await written()).toEqual(before);
  });

  it("a session one did not miss, or has not missed yet", async () => {
    const before = await written();
    const notMine = await accept("C0201", { sessionId: f.b1 });
    expect(notMine.status).toBe(400);
    expect(errorOf(notMine)).toBe("makeUps.errors.notOwed");
    expect(await written()).toEqual(before);
  });
});

describe("two trainees and the last seat", () => {
  it("exactly one wins; the other is told the seat was just taken", async () => {
    const results = await Promise.all([accept("C0105", { sessionId: f.b1 }), accept("C0106", { sessionId: f.b1 })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(errorOf(results.find((r) => r.status === 409)!)).toBe("makeUps.errors.full");
    expect(await db.makeUp.count({ where: { sessionId: f.b1 } })).toBe(1);
  });

  it("the second waits for the first's lock on the course, then sees the seat gone", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${f.courses.b} FOR UPDATE`;
        await tx.makeUp.create({
          data: { personId: f.people.c0107, missedSessionId: f.missed, sessionId: f.b1, acceptedAt: at },
        });
        await held;
      },
      { timeout: 30_000 },
    );
    const second = accept("C0105", { sessionId: f.b1 });
    expect(await blockedOrSettled(second)).toBe("blocked");
    release();
    await first;
    const result = await second;
    expect(result.status).toBe(409);
    expect(errorOf(result)).toBe("makeUps.errors.full");
  });
});
