// Batches (docs/decisions/0025): a course split into batches, each batch sitting its own sessions. The clerk
// splits a draft course on its page; rosters, sign-in sheets, room seats, person clashes and invites follow.
import { afterEach, describe, expect, it } from "vitest";

import { isOnRoster, sessionRoster } from "~/domain/attendance/roster.server";
import { batchVersion } from "~/domain/course/batch-rules";
import { publishCourse } from "~/domain/delivery/publish-course.server";
import { signInSheet } from "~/domain/delivery/sign-in-sheet-queries.server";
import { setClock, freezeClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { as, courseForm, idFrom, seededItem, today, YEAR, type CoursePage } from "./course-support";
import { DEMO_AT, demoCompanyBeforeEachTest, personId, renderInLayout } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

const day = (d: number) => `${YEAR}-${String(today.month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const errorsOf = (body: unknown) => (body as { errors: Record<string, string> }).errors;
const room = (name: string) => db.room.findFirstOrThrow({ where: { name } });
const FOUR = ["C0101", "C0102", "C0103", "C0104"];

type Page = CoursePage & {
  batches: { count: number; version: string; sizes: Array<{ n: number; attendees: number; sessions: number }> };
  sessions: Array<{ id: string; batch: number }>;
  attendees: Array<{ id: string; employeeNo: string; batch: number }>;
};

/** A draft course of four attendees with two sessions in two rooms (the 11th in A301, the 12th in A302). */
async function draftCourse(names = FOUR.join(" ")) {
  const clerk = await as("T0002");
  const created = await clerk.createCourse((await seededItem()).id, courseForm({ capacity: "40" }));
  expect(created.status).toBe(302);
  const courseId = idFrom(created.location);
  expect((await clerk.course(courseId, { intent: "addAttendees", names })).status).toBe(302);
  for (const [d, name] of [
    [11, "培训室 A301"],
    [12, "培训室 A302"],
  ] as const) {
    const added = await clerk.course(courseId, {
      intent: "addSession",
      date: day(d),
      start: "09:00",
      end: "11:00",
      roomId: (await room(name)).id,
    });
    expect(added.status).toBe(302);
  }
  const view = async () => (await clerk.viewCourse(courseId)).body as Page;
  const sessions = await db.courseSession.findMany({ where: { courseId }, orderBy: { startsAt: "asc" } });
  return { clerk, courseId, view, sessions };
}

const employeeNos = async (sessionId: string) => (await sessionRoster(sessionId))!.rows.map((r) => r.employeeNo).sort();

describe("splitting a course into batches", () => {
  it("splits evenly: each session's roster is its batch's, audited in the same change", async () => {
    const { clerk, courseId, view, sessions } = await draftCourse();
    const before = await view();
    expect(before.batches).toMatchObject({ count: 1 });
    // Not split: everyone sits every session, as before batches existed.
    expect(await employeeNos(sessions[0].id)).toEqual(FOUR);
    expect(await employeeNos(sessions[1].id)).toEqual(FOUR);

    const split = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      split: "1",
      version: before.batches.version,
    });
    expect(split.status).toBe(302);
    expect(await employeeNos(sessions[0].id)).toEqual(["C0101", "C0102"]);
    expect(await employeeNos(sessions[1].id)).toEqual(["C0103", "C0104"]);
    expect(await isOnRoster(db, sessions[1].id, await personId("C0101"))).toBe(false);
    expect(await isOnRoster(db, sessions[0].id, await personId("C0101"))).toBe(true);
    const after = await view();
    expect(after.batches.sizes).toEqual([
      { n: 1, attendees: 2, sessions: 1 },
      { n: 2, attendees: 2, sessions: 1 },
    ]);
    const audit = await db.auditEntry.findMany({ where: { entityId: courseId, action: "course.batchesSaved" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({
      split: true,
      batchCount: { from: 1, to: 2 },
      sessions: { [sessions[1].id]: 2 },
      attendees: { [await personId("C0103")]: 2, [await personId("C0104")]: 2 },
    });
  });

  it("moves one attendee to the other batch by its row's select", async () => {
    const { clerk, courseId, view, sessions } = await draftCourse();
    const split = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      split: "1",
      version: (await view()).batches.version,
    });
    expect(split.status).toBe(302);
    const c0101 = await personId("C0101");
    const moved = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      version: (await view()).batches.version,
      [`attendee:${c0101}`]: "2",
    });
    expect(moved.status).toBe(302);
    expect(await employeeNos(sessions[0].id)).toEqual(["C0102"]);
    expect(await employeeNos(sessions[1].id)).toEqual(["C0101", "C0103", "C0104"]);
  });

  it("a re-split of an approved course, reopened, is shown to the approver against the approved revision", async () => {
    const { clerk, courseId, view } = await draftCourse();
    const manager = await as("T0001");
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "1" })).status).toBe(302);
    expect((await manager.course(courseId, { intent: "APPROVE", revision: "1" })).status).toBe(302);
    expect((await clerk.course(courseId, { intent: "REOPEN", revision: "1", reason: "人数多，分两批" })).status).toBe(
      302,
    );
    const split = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      split: "1",
      version: (await view()).batches.version,
    });
    expect(split.status).toBe(302);
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: "2" })).status).toBe(302);
    const diff = ((await manager.viewCourse(courseId)).body as CoursePage).diff;
    expect(diff?.rejection).toMatchObject({ revision: 1, kind: "approved", reason: "人数多，分两批" });
    expect(diff?.changes.fields).toEqual([{ field: "batchCount", before: 1, after: 2 }]);
    expect(diff?.changes.regrouped.map((p) => [p.employeeNo, p.from, p.to])).toEqual([
      ["C0103", 1, 2],
      ["C0104", 1, 2],
    ]);
    // The 12th's session went to batch 2: one removed from batch 1, one added in batch 2.
    expect(diff?.changes.sessions.added.map((s) => s.batch)).toEqual([2]);
    expect(diff?.changes.sessions.removed.map((s) => s.batch)).toEqual([1]);
    const { html } = await renderInLayout(manager.cookie, `/courses/${courseId}`, "_app.courses.$courseId._index");
    // The diff's card: the number of batches before and after, a trainee moved, the session in its new batch.
    const card = html.slice(html.indexOf('<section class="card border-sky-200'));
    const text = card
      .slice(0, card.indexOf("</section>"))
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toMatch(/批数 ： 1 → 2/);
    expect(text).toMatch(/C0103.*第 1 批 → 第 2 批/);
    expect(text).toMatch(/培训室 A302 · 第 2 批/);
  });

  it("a form built before someone else's change gets 409 and changes nothing", async () => {
    const { clerk, courseId, view } = await draftCourse();
    const stale = (await view()).batches.version;
    expect(
      (await clerk.course(courseId, { intent: "saveBatches", batchCount: "2", split: "1", version: stale })).status,
    ).toBe(302);
    const late = await clerk.course(courseId, { intent: "saveBatches", batchCount: "3", split: "1", version: stale });
    expect(late.status).toBe(409);
    expect(errorsOf(late.body)._form).toBe("course.batches.stale");
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).batchCount).toBe(2);
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "course.batchesSaved" } })).toBe(1);
  });

  it("of two clerks splitting at once, exactly one wins; the other gets 409", async () => {
    const { clerk, courseId, view } = await draftCourse();
    const version = (await view()).batches.version;
    // The same valid split twice: whichever commits second finds the version moved on (with two different
    // counts, one might be refused on its own merits first, whatever the order).
    const answers = await Promise.all(
      ["2", "2"].map((n) => clerk.course(courseId, { intent: "saveBatches", batchCount: n, split: "1", version })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "course.batchesSaved" } })).toBe(1);
  });

  it("refuses a batch with attendees but no session, keeping what was typed and the database", async () => {
    const { clerk, courseId, view } = await draftCourse();
    const refused = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "3",
      split: "1",
      version: (await view()).batches.version,
    });
    expect(refused.status).toBe(400);
    // Four attendees in three batches (2, 1, 1) but two sessions: batch 3 has nobody's session.
    expect(errorsOf(refused.body)._form).toBe('course.batches.noSession::{"batch":3,"attendees":1}');
    expect((refused.body as { values: Record<string, string> }).values.batchCount).toBe("3");
    expect(await db.courseAttendee.count({ where: { courseId, batch: { not: 1 } } })).toBe(0);
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).batchCount).toBe(1);

    const outside = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "1",
      version: (await view()).batches.version,
      [`attendee:${await personId("C0101")}`]: "2",
    });
    expect(outside.status).toBe(400);
    expect(errorsOf(outside.body).batchCount).toBe('course.batches.outOfRange::{"batch":2,"count":1}');
    const count = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "0",
      version: (await view()).batches.version,
    });
    expect(count.status).toBe(400);
    expect(errorsOf(count.body).batchCount).toBe('course.batches.countRange::{"max":20}');
  });

  it("the last session of a batch with attendees cannot be deleted", async () => {
    const { clerk, courseId, view, sessions } = await draftCourse();
    await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      split: "1",
      version: (await view()).batches.version,
    });
    const refused = await clerk.course(courseId, { intent: "deleteSession", sessionId: sessions[1].id });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused.body)._form).toBe('course.batches.noSession::{"batch":2,"attendees":2}');
    expect(await db.courseSession.count({ where: { courseId } })).toBe(2);
  });

  it("only the clerk's permission splits a course; a submitted course is locked", async () => {
    const { clerk, courseId, view } = await draftCourse();
    const version = (await view()).batches.version;
    for (const who of ["C0101", "D0101"]) {
      const refused = await (await as(who)).course(courseId, { intent: "saveBatches", batchCount: "2", version });
      expect(refused.status).toBe(403);
    }
    expect(await db.auditEntry.count({ where: { entityId: courseId, action: "course.batchesSaved" } })).toBe(0);
    const page = (await clerk.viewCourse(courseId)).body as Page;
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: String(page.course.revision) })).status).toBe(
      302,
    );
    const locked = await clerk.course(courseId, { intent: "saveBatches", batchCount: "2", split: "1", version });
    expect(locked.status).toBe(409);
    expect(errorsOf(locked.body)._form).toBe("course.locked");
    expect((await db.course.findUniqueOrThrow({ where: { id: courseId } })).batchCount).toBe(1);
  });
});

describe("what follows the batch", () => {
  it("a room seats the attendees of its session's batch, not the whole course", async () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `C01${String(i + 1).padStart(2, "0")}`).join(" ");
    const { clerk, courseId, view } = await draftCourse(thirteen);
    const small = await room("培训部小会议室");
    const whole = await clerk.course(courseId, {
      intent: "addSession",
      date: day(13),
      start: "09:00",
      end: "10:00",
      roomId: small.id,
    });
    expect(errorsOf(whole.body).roomId).toBe(
      'scheduling.rooms.tooSmall::{"name":"培训部小会议室","capacity":12,"attendees":13}',
    );
    // Split 7 / 6: batch 2's session fits the room of 12.
    expect(
      (
        await clerk.course(courseId, {
          intent: "saveBatches",
          batchCount: "2",
          split: "1",
          version: (await view()).batches.version,
        })
      ).status,
    ).toBe(302);
    const fits = await clerk.course(courseId, {
      intent: "addSession",
      date: day(13),
      start: "09:00",
      end: "10:00",
      roomId: small.id,
      batch: "2",
    });
    expect(fits.status).toBe(302);
    // Moving everyone into batch 2 would overfill the small room: refused, naming it.
    const page = await view();
    const all = Object.fromEntries(page.attendees.map((a) => [`attendee:${a.id}`, "2"]));
    const full = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      version: page.batches.version,
      ...Object.fromEntries(page.sessions.map((s) => [`session:${s.id}`, "2"])),
      ...all,
    });
    expect(full.status).toBe(400);
    expect(errorsOf(full.body)._form).toMatch(/^scheduling\.rooms\.tooSmall::/);
    // Adding attendees to batch 2 is checked against batch 2's rooms.
    const more = await clerk.course(courseId, {
      intent: "addAttendees",
      names: "C0114 C0115 C0116 C0117 C0118 C0119 C0120",
      batch: "2",
    });
    expect(errorsOf(more.body)._form).toBe(
      'scheduling.rooms.tooSmall::{"name":"培训部小会议室","capacity":12,"attendees":13}',
    );
  });

  it("an attendee clashes only with the sessions of their batch", async () => {
    // The demo's 催收一部 compliance course is in 培训室 A301 on the 10th, 14:00–17:00.
    const other = await db.course.findFirstOrThrow({
      where: { title: "话术规范与投诉案例复训（催收一部）" },
      select: { title: true, attendees: { take: 1, select: { person: { select: { employeeNo: true } } } } },
    });
    const busy = other.attendees[0].person.employeeNo;
    const { clerk, courseId, view } = await draftCourse(`${busy} C0201`);
    // A third session on the 10th at the same time as the other course, in another room.
    expect(
      (
        await clerk.course(courseId, {
          intent: "addSession",
          date: day(10),
          start: "14:00",
          end: "15:00",
          roomId: (await room("培训室 A302")).id,
        })
      ).status,
    ).toBe(302);
    const clashing = (await view()).clashes.groups.people;
    expect(clashing.map((g) => g.title)).toContain(other.title);

    // Split: the 10th's session (the first) and the 11th are batch 1, the 12th batch 2; the busy one in batch 2.
    const page = await view();
    const [tenth, eleventh, twelfth] = await db.courseSession.findMany({
      where: { courseId },
      orderBy: { startsAt: "asc" },
    });
    const saved = await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      version: page.batches.version,
      [`session:${tenth.id}`]: "1",
      [`session:${eleventh.id}`]: "1",
      [`session:${twelfth.id}`]: "2",
      [`attendee:${await personId(busy)}`]: "2",
      [`attendee:${await personId("C0201")}`]: "1",
    });
    expect(saved.status).toBe(302);
    expect((await view()).clashes.groups.people.map((g) => g.title)).not.toContain(other.title);
  });

  it("approved, each sign-in sheet lists its batch; published, each attendee is invited to their batch's", async () => {
    const { clerk, courseId, view, sessions } = await draftCourse();
    await clerk.course(courseId, {
      intent: "saveBatches",
      batchCount: "2",
      split: "1",
      version: (await view()).batches.version,
    });
    const page = await view();
    expect((await clerk.course(courseId, { intent: "SUBMIT", revision: String(page.course.revision) })).status).toBe(
      302,
    );
    const approved = await (
      await as("T0001")
    ).course(courseId, {
      intent: "APPROVE",
      revision: String(page.course.revision),
    });
    expect(approved.status).toBe(302);
    const sheet = async (sessionId: string) =>
      (await signInSheet(courseId, sessionId, "Asia/Shanghai"))!.rows.map((r) => r.employeeNo).sort();
    expect(await sheet(sessions[0].id)).toEqual(["C0101", "C0102"]);
    expect(await sheet(sessions[1].id)).toEqual(["C0103", "C0104"]);

    // Publish before the first session (the clock a day before the course's sessions), checklist ticked.
    freezeClock(new Date(Math.min(DEMO_AT.getTime(), sessions[0].startsAt.getTime() - 86_400_000)));
    await db.preparationItem.updateMany({ where: { courseId }, data: { doneAt: DEMO_AT, doneByName: "测试" } });
    await db.person.updateMany({ where: { employeeNo: { in: FOUR } }, data: { email: "x@example.com" } });
    const clerkActor = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" } });
    const published = await publishCourse(
      { id: clerkActor.id, employeeNo: clerkActor.employeeNo, name: clerkActor.name, roles: ["TRAINING_CLERK"] },
      courseId,
    );
    expect(published).toMatchObject({ ok: true, attendees: 4 });
    const invites = await db.sessionInvite.findMany({
      where: { courseId, person: { employeeNo: { startsWith: "C" } } },
      select: { sessionId: true, person: { select: { employeeNo: true } } },
    });
    const invited = (sessionId: string) =>
      invites
        .filter((i) => i.sessionId === sessionId)
        .map((i) => i.person.employeeNo)
        .sort();
    expect(invited(sessions[0].id)).toEqual(["C0101", "C0102"]);
    expect(invited(sessions[1].id)).toEqual(["C0103", "C0104"]);
    // The notice's schedule is the batch's: C0103's mail names the 12th, not the 11th.
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { sourceId: courseId, toPersonId: await personId("C0103") },
    });
    expect(mail.text).toContain(day(12));
    expect(mail.text).not.toContain(day(11));
    // A version check at all: the page's version is the one the rules compute.
    expect(page.batches.version).toBe(
      batchVersion({
        count: 2,
        sessions: await db.courseSession.findMany({ where: { courseId }, select: { id: true, batch: true } }),
        attendees: await db.courseAttendee.findMany({ where: { courseId }, select: { personId: true, batch: true } }),
      }),
    );
  });
});
