// The clerk's roster (考勤登记): marks by hand and from the paper sheet, corrections, "mark all present",
// its race with a trainee's own sign-in, and who and when may not mark.
import { afterEach, describe, expect, it, vi } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  approveLeave,
  makeSession,
  markFields,
  markOf,
  post,
  roster,
  TRAINEES,
  type RosterPage,
} from "./attendance-support";
import { blockedOrSettled, demoDayAt, flashOf, personId, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

// Forty days after the demo's day, away from its sessions; any day of the year will do.
const START = () => demoDayAt("09:00", 40);
const minutes = (n: number) => new Date(START().getTime() + n * 60_000);
const audits = (sessionId: string, action: string) =>
  db.auditEntry.findMany({ where: { entityId: sessionId, action }, orderBy: [{ at: "asc" }, { id: "asc" }] });
const offerOpen = async (sessionId: string, employeeNo: string) =>
  (await db.todoItem.count({
    where: { kind: "makeUp.offer", sourceId: `${sessionId}:${await personId(employeeNo)}`, doneAt: null },
  })) === 1;

async function qrSignIn(sessionId: string, employeeNo: string, at: Date) {
  await db.attendance.create({
    data: { sessionId, personId: await personId(employeeNo), mark: "PRESENT", source: "QR", at },
  });
}

describe("marking the roster", () => {
  it("records paper, late, absent and excused (with a note); the counts follow; a miss offers a make-up", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(30));
    const result = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "PRESENT_PAPER")),
      ...(await markFields(sessionId, "C0102", "LATE")),
      ...(await markFields(sessionId, "C0103", "ABSENT")),
      ...(await markFields(sessionId, "C0104", "EXCUSED", "家中急事，电话请假")),
    });
    expect(result.status).toBe(302);
    expect(await flashOf(result)).toMatchObject({ message: expect.stringContaining("attendance.marking.saved") });
    const clerk = await personId("T0002");
    expect(await markOf(sessionId, "C0101")).toMatchObject({
      mark: "PRESENT_PAPER",
      source: "CLERK",
      markedById: clerk,
    });
    expect(await markOf(sessionId, "C0104")).toMatchObject({ mark: "EXCUSED", note: "家中急事，电话请假" });
    expect(await audits(sessionId, "attendance.marked")).toHaveLength(4);
    expect(await offerOpen(sessionId, "C0103")).toBe(true);
    expect(await offerOpen(sessionId, "C0104")).toBe(true);
    expect(await offerOpen(sessionId, "C0102")).toBe(false);

    const page = (await roster("T0002", sessionId)).body as RosterPage;
    expect(page.page.tally).toMatchObject({ expected: 6, attended: 2, late: 1, absent: 1, excused: 1, unmarked: 2 });
    const paper = page.page.rows.find((r) => r.employeeNo === "C0101")!;
    expect(paper).toMatchObject({ status: "PRESENT_PAPER", way: "PAPER", time: "09:30" });
  });

  it("a changed mark is a correction audited with old and new; corrected to present withdraws the offer", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(20));
    await post("T0002", sessionId, { intent: "mark", ...(await markFields(sessionId, "C0103", "ABSENT")) });
    expect(await offerOpen(sessionId, "C0103")).toBe(true);
    freezeClock(minutes(140));
    const result = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0103", "PRESENT_PAPER")),
    });
    expect(result.status).toBe(302);
    expect((await markOf(sessionId, "C0103"))?.mark).toBe("PRESENT_PAPER");
    const [correction] = await audits(sessionId, "attendance.corrected");
    expect(correction.summary).toMatchObject({
      employeeNo: "C0103",
      from: { mark: "ABSENT", source: "CLERK" },
      to: { mark: "PRESENT_PAPER" },
    });
    expect(await offerOpen(sessionId, "C0103")).toBe(false);

    // A trainee's own QR sign-in can be corrected too (came in late after all); its time is in the audit entry.
    await qrSignIn(sessionId, "C0105", minutes(-2));
    await post("T0002", sessionId, { intent: "mark", ...(await markFields(sessionId, "C0105", "LATE")) });
    const qr = (await audits(sessionId, "attendance.corrected")).at(-1)!;
    expect(qr.summary).toMatchObject({
      employeeNo: "C0105",
      from: { mark: "PRESENT", source: "QR" },
      to: { mark: "LATE" },
    });
  });

  it("saves only rows the clerk changed: the same mark posted again writes nothing", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(5));
    await qrSignIn(sessionId, "C0102", minutes(-4));
    // The page showed C0102 as signed in by QR; the clerk left that row alone and saved.
    const result = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0102", "PRESENT")),
    });
    expect(await flashOf(result)).toMatchObject({ message: "attendance.marking.nothingChanged" });
    expect(await markOf(sessionId, "C0102")).toMatchObject({ source: "QR" });
    expect(await db.auditEntry.count({ where: { entityId: sessionId } })).toBe(0);
  });

  it("two clerks marking the same person at once: no error, the last write stands, both are audited", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(15));
    const [a, b] = await Promise.all([
      post("T0002", sessionId, { intent: "mark", ...(await markFields(sessionId, "C0106", "LATE")) }),
      post("T0001", sessionId, { intent: "mark", ...(await markFields(sessionId, "C0106", "PRESENT_PAPER")) }),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(["LATE", "PRESENT_PAPER"]).toContain((await markOf(sessionId, "C0106"))?.mark);
    const entries = await db.auditEntry.count({
      where: { entityId: sessionId, action: { in: ["attendance.marked", "attendance.corrected"] } },
    });
    expect(entries).toBe(2);
  });
});

describe("mark all present", () => {
  it("marks only the unmarked: not those on leave, the excused or anyone signed in; says how many", async () => {
    const { sessionId } = await makeSession(START());
    await approveLeave(sessionId, "C0101");
    freezeClock(minutes(10));
    await qrSignIn(sessionId, "C0103", minutes(-3));
    await post("T0002", sessionId, { intent: "mark", ...(await markFields(sessionId, "C0102", "EXCUSED")) });

    const result = await post("T0002", sessionId, { intent: "markAll" });
    expect(result.status).toBe(302);
    expect(await flashOf(result)).toMatchObject({ message: 'attendance.marking.markAllDone::{"count":3}' });
    expect(await markOf(sessionId, "C0101")).toBeNull();
    expect((await markOf(sessionId, "C0102"))?.mark).toBe("EXCUSED");
    expect(await markOf(sessionId, "C0103")).toMatchObject({ mark: "PRESENT", source: "QR" });
    for (const no of ["C0104", "C0105", "C0106"])
      expect(await markOf(sessionId, no)).toMatchObject({ mark: "PRESENT", source: "CLERK" });
    const [entry] = await audits(sessionId, "attendance.markedAllPresent");
    expect(entry.summary).toMatchObject({ count: 3, employeeNos: ["C0104", "C0105", "C0106"] });

    const again = await post("T0002", sessionId, { intent: "markAll" });
    expect(await flashOf(again)).toMatchObject({ message: "attendance.marking.markAllNone", tone: "info" });
  });

  it("racing a QR sign-in: the sign-in survives and is not counted", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(1));
    const c0104 = await personId("C0104");
    let inserted = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const signIn = db.$transaction(
      async (tx) => {
        await tx.attendance.create({
          data: { sessionId, personId: c0104, mark: "PRESENT", source: "QR", at: minutes(1) },
        });
        inserted = true;
        await held;
      },
      { timeout: 15_000 },
    );
    await vi.waitFor(() => expect(inserted).toBe(true));
    const markAll = post("T0002", sessionId, { intent: "markAll" });
    expect(await blockedOrSettled(markAll)).toBe("blocked");
    release();
    await signIn;
    const result = await markAll;
    expect(await flashOf(result)).toMatchObject({ message: 'attendance.marking.markAllDone::{"count":5}' });
    expect(await markOf(sessionId, "C0104")).toMatchObject({ source: "QR" });
    expect(await db.attendance.count({ where: { sessionId } })).toBe(TRAINEES.length);
  });
});

describe("what is refused", () => {
  it("before sign-in opens (30 minutes before the start) nothing can be marked; from then on it can", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(-31));
    const early = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "PRESENT")),
    });
    expect(early.status).toBe(409);
    expect((early.body as { errors: Record<string, string> }).errors._form).toMatch(/^attendance\.marking\.tooEarly/);
    expect((await post("T0002", sessionId, { intent: "markAll" })).status).toBe(409);
    const page = (await roster("T0002", sessionId)).body as RosterPage;
    expect(page.page.refusal).toBe("attendance.marking.tooEarly");
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);

    freezeClock(minutes(-30));
    const open = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "PRESENT")),
    });
    expect(open.status).toBe(302);
  });

  it("a cancelled course's session takes no marks", async () => {
    const { courseId, sessionId } = await makeSession(START());
    await db.courseDelivery.create({ data: { courseId, state: "CANCELLED" } });
    freezeClock(minutes(10));
    const result = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "LATE")),
    });
    expect(result.status).toBe(409);
    expect((result.body as { errors: Record<string, string> }).errors._form).toMatch(/^attendance\.marking\.cancelled/);
    expect((await post("T0002", sessionId, { intent: "markAll" })).status).toBe(409);
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
  });

  it("an agent and a department head are refused (403); nothing is written", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(10));
    for (const who of ["C0101", "D0101"]) {
      expect((await roster(who, sessionId)).status).toBe(403);
      expect((await post(who, sessionId, { intent: "markAll" })).status).toBe(403);
      const mark = await post(who, sessionId, {
        intent: "mark",
        ...(await markFields(sessionId, who === "C0101" ? "C0101" : "C0102", "PRESENT")),
      });
      expect(mark.status).toBe(403);
    }
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
  });

  it("a mark that is not one of the five, or someone not on the roster: 400 and nothing written", async () => {
    const { sessionId } = await makeSession(START());
    freezeClock(minutes(10));
    const c0102 = await personId("C0102");
    const bad = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "PRESENT")),
      [`mark_${c0102}`]: "HOLIDAY",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Record<string, string> }).errors[`mark_${c0102}`]).toBe("attendance.marking.badMark");
    const stranger = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0101", "PRESENT")),
      ...(await markFields(sessionId, "C0120", "PRESENT")),
    });
    expect(stranger.status).toBe(400);
    expect((stranger.body as { errors: Record<string, string> }).errors._form).toBe("attendance.marking.notOnRoster");
    expect(await db.attendance.count({ where: { sessionId } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: sessionId } })).toBe(0);
  });
});
