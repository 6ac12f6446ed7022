// Signing in by scanning the projector's code: who gets signed in, when, and every refusal with nothing
// recorded (expired, forged and other sessions' codes, the window, the roster, the network, a second scan).
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { SignInView } from "~/components/attendance/sign-in-result";
import { setClock, freezeClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { attendanceOf, clockAt, codeAt, OFFICE, openSignIn, signInCourse, type SignInFixture } from "./sign-in-fixture";
import { cookieFor, personId, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

let fixture: SignInFixture;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  fixture = await signInCourse();
});
afterEach(() => setClock(null));

const refusalOf = (result: { body: unknown }) => (result.body as SignInView).refusal;

describe("a trainee who opens the projector's code", () => {
  it("is signed in (present, by QR), audited, and sees 签到成功 with the time", async () => {
    const at = clockAt(fixture, -5); // 08:55
    const code = await codeAt(fixture.sessionId, at);
    const cookie = await cookieFor("C0101");
    const result = await openSignIn(cookie, fixture.sessionId, { code });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/sessions/${fixture.sessionId}/sign-in?done=1`);
    expect(await attendanceOf(fixture.sessionId)).toEqual([
      { mark: "PRESENT", source: "QR", at, person: { employeeNo: "C0101" } },
    ]);
    const audit = await db.auditEntry.findMany({ where: { action: "attendance.signedIn" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmployeeNo: "C0101", entityId: fixture.sessionId });
    const page = await openSignIn(cookie, fixture.sessionId, { done: "1" });
    expect(page.body).toMatchObject({ refusal: null, mine: { mark: "PRESENT", time: "08:55", fresh: true } });
  });

  it("is marked late after the threshold (10 minutes), and on time up to it", async () => {
    let at = clockAt(fixture, 10); // 09:10:02 — just past ten minutes
    expect((await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) })).status).toBe(
      302,
    );
    freezeClock((at = new Date(fixture.startsAt.getTime() + 10 * 60_000)));
    expect((await openSignIn("C0102", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) })).status).toBe(
      302,
    );
    const marks = Object.fromEntries((await attendanceOf(fixture.sessionId)).map((a) => [a.person.employeeNo, a.mark]));
    expect(marks).toEqual({ C0101: "LATE", C0102: "PRESENT" });
  });

  it("a second scan says when they signed in, and records nothing more", async () => {
    const at = clockAt(fixture, -3); // 08:57
    await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) });
    const later = clockAt(fixture, 5);
    const again = await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, later) });
    expect(again.status).toBe(409);
    expect(refusalOf(again)).toBe('signIn.refused.already::{"time":"08:57"}');
    expect(again.body).toMatchObject({ mine: { time: "08:57", fresh: false } });
    expect(await attendanceOf(fixture.sessionId)).toHaveLength(1);
  });

  it("two scans at the same moment give one row and one audit entry", async () => {
    const at = clockAt(fixture, 0);
    const code = await codeAt(fixture.sessionId, at);
    const cookie = await cookieFor("C0103");
    const results = await Promise.all(Array.from({ length: 6 }, () => openSignIn(cookie, fixture.sessionId, { code })));
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 302))
      expect(refusalOf(r)).toMatch(/^signIn\.refused\.already::/);
    expect(await attendanceOf(fixture.sessionId)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { action: "attendance.signedIn" } })).toBe(1);
  });

  it("signs in only the person logged in: nothing in the address can name someone else", async () => {
    const at = clockAt(fixture, -1);
    const code = await codeAt(fixture.sessionId, at);
    const other = await personId("C0102");
    const result = await openSignIn("C0101", fixture.sessionId, {
      code,
      personId: other,
      employeeNo: "C0102",
    });
    expect(result.status).toBe(302);
    expect((await attendanceOf(fixture.sessionId)).map((a) => a.person.employeeNo)).toEqual(["C0101"]);
  });
});

describe("refused with a clear message and nothing recorded", () => {
  async function expectRefused(result: { status: number; body: unknown }, message: string | RegExp, status: number) {
    expect(result.status).toBe(status);
    if (typeof message === "string") expect(refusalOf(result)).toBe(message);
    else expect(refusalOf(result)).toMatch(message);
    expect(await attendanceOf(fixture.sessionId)).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: "attendance.signedIn" } })).toBe(0);
  }

  it("a replayed code older than its window and the few seconds' grace", async () => {
    const at = clockAt(fixture, 0); // 2 s into a window
    // The previous window's code is still taken 2 s into this one (a slow phone)…
    const previous = await codeAt(fixture.sessionId, new Date(at.getTime() - 15_000));
    // …but not the one before it, nor one from an hour ago.
    const stale = await codeAt(fixture.sessionId, new Date(at.getTime() - 30_000));
    const hourOld = await codeAt(fixture.sessionId, new Date(at.getTime() - 3_600_000));
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: stale }),
      "signIn.refused.codeExpired",
      400,
    );
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: hourOld }),
      "signIn.refused.codeExpired",
      400,
    );
    expect((await openSignIn("C0101", fixture.sessionId, { code: previous })).status).toBe(302);
  });

  it("a forged code, and another session's code", async () => {
    const at = clockAt(fixture, 0);
    const code = await codeAt(fixture.sessionId, at);
    const [window, mac] = code.split(".");
    const altered = `${window}.${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`;
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: altered }),
      "signIn.refused.codeForged",
      400,
    );
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: `${window}.${"x".repeat(22)}` }),
      "signIn.refused.codeForged",
      400,
    );
    const other = await signInCourse("另一门课（签到测试）");
    const otherCode = await codeAt(other.sessionId, at);
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: otherCode }),
      "signIn.refused.codeForged",
      400,
    );
  });

  it("before the window opens (30 minutes before the start) and once the session has ended", async () => {
    let at = clockAt(fixture, -31);
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) }),
      'attendance.notOpenYet::{"minutes":30}',
      409,
    );
    freezeClock((at = fixture.endsAt));
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) }),
      'attendance.closed::{"minutes":30}',
      409,
    );
  });

  it("someone not on the roster", async () => {
    const at = clockAt(fixture, 0);
    await expectRefused(
      await openSignIn("C0110", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) }),
      "signIn.refused.notOnRoster",
      403,
    );
  });

  it("a course that was called off", async () => {
    await db.courseDelivery.update({ where: { courseId: fixture.courseId }, data: { state: "CANCELLED" } });
    const at = clockAt(fixture, 0);
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code: await codeAt(fixture.sessionId, at) }),
      "signIn.refused.cancelled",
      409,
    );
  });

  it("an address outside the office network, when the setting limits it", async () => {
    await db.setting.upsert({
      where: { key: "signInNetworks" },
      create: { key: "signInNetworks", value: "10.8.0.0/16\n192.168.1.20" },
      update: { value: "10.8.0.0/16\n192.168.1.20" },
    });
    const at = clockAt(fixture, 0);
    const code = await codeAt(fixture.sessionId, at);
    await expectRefused(
      await openSignIn("C0101", fixture.sessionId, { code }, "203.0.113.9"),
      "signIn.refused.network",
      403,
    );
    await expectRefused(await openSignIn("C0101", fixture.sessionId, { code }, ""), "signIn.refused.network", 403);
    expect((await openSignIn("C0101", fixture.sessionId, { code }, OFFICE)).status).toBe(302);
    expect((await openSignIn("C0102", fixture.sessionId, { code }, "::ffff:10.8.200.1")).status).toBe(302);
    expect((await openSignIn("C0103", fixture.sessionId, { code }, "192.168.1.20")).status).toBe(302);
  });
});

describe("a scan before logging in", () => {
  it("goes to the login page and back with a ticket that outlives the code", async () => {
    const at = clockAt(fixture, -2);
    const code = await codeAt(fixture.sessionId, at);
    const anonymous = await openSignIn(null, fixture.sessionId, { code });
    expect(anonymous.status).toBe(302);
    const login = new URL(anonymous.location!, "http://x");
    expect(login.pathname).toBe("/login");
    const back = new URL(login.searchParams.get("redirectTo")!, "http://x");
    expect(back.pathname).toBe(`/sessions/${fixture.sessionId}/sign-in`);
    const ticket = back.searchParams.get("ticket")!;
    expect(ticket).toBeTruthy();
    expect(back.searchParams.get("code")).toBeNull();
    // Two minutes to type the password: the code is long gone, the ticket still counts, at the scan's time.
    freezeClock(new Date(at.getTime() + 2 * 60_000));
    expect((await openSignIn("C0101", fixture.sessionId, { ticket })).status).toBe(302);
    expect(await attendanceOf(fixture.sessionId)).toEqual([
      { mark: "PRESENT", source: "QR", at, person: { employeeNo: "C0101" } },
    ]);
  });

  it("a replayed ticket past its few minutes, a ticket of another session and a made-up one are refused", async () => {
    const at = clockAt(fixture, -2);
    const anonymous = await openSignIn(null, fixture.sessionId, { code: await codeAt(fixture.sessionId, at) });
    const ticket = new URL(
      new URL(anonymous.location!, "http://x").searchParams.get("redirectTo")!,
      "http://x",
    ).searchParams.get("ticket")!;
    const other = await signInCourse("另一门课（签到测试）");
    const otherTicket = await openSignIn(null, other.sessionId, { code: await codeAt(other.sessionId, at) });
    const foreign = new URL(
      new URL(otherTicket.location!, "http://x").searchParams.get("redirectTo")!,
      "http://x",
    ).searchParams.get("ticket")!;
    expect(refusalOf(await openSignIn("C0101", fixture.sessionId, { ticket: foreign }))).toBe(
      "signIn.refused.codeForged",
    );
    expect(
      refusalOf(await openSignIn("C0101", fixture.sessionId, { ticket: `${at.getTime()}.${"y".repeat(22)}` })),
    ).toBe("signIn.refused.codeForged");
    freezeClock(new Date(at.getTime() + 6 * 60_000));
    expect(refusalOf(await openSignIn("C0101", fixture.sessionId, { ticket }))).toBe("signIn.refused.ticketExpired");
    expect(await attendanceOf(fixture.sessionId)).toEqual([]);
  });

  it("an expired code gets no ticket: it comes back as it was and is refused after login", async () => {
    const at = clockAt(fixture, -2);
    const stale = await codeAt(fixture.sessionId, new Date(at.getTime() - 60_000));
    const anonymous = await openSignIn(null, fixture.sessionId, { code: stale });
    const back = new URL(new URL(anonymous.location!, "http://x").searchParams.get("redirectTo")!, "http://x");
    expect(back.searchParams.get("code")).toBe(stale);
    expect(back.searchParams.get("ticket")).toBeNull();
  });

  it("the printed sheet's QR (no code) shows the session and says to scan the projector", async () => {
    clockAt(fixture, -2);
    const page = await openSignIn("C0101", fixture.sessionId);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      refusal: null,
      mine: null,
      session: { location: "培训室 A302", start: "09:00" },
    });
    expect(await attendanceOf(fixture.sessionId)).toEqual([]);
  });
});
