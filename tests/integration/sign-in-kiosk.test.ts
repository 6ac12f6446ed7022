// The kiosk on the clerk's device: a trainee without a phone signs in with employee number and password,
// under the login page's lockout, without ever being logged in; the device stays the clerk's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { KioskAnswer } from "~/components/attendance/sign-in-kiosk";
import { action as loginAction } from "~/routes/login";
import { action as kioskAction, loader as kioskLoader } from "~/routes/sessions.$sessionId.kiosk";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { attendanceOf, clockAt, OFFICE, signInCourse, type SignInFixture } from "./sign-in-fixture";
import { cookieFor, outcome, personId, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

const DEMO_PASSWORD = "TrainGate-demo-2026";

let fixture: SignInFixture;
let clerk: string;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  fixture = await signInCourse();
  clockAt(fixture, -5); // before the clerk logs in: a login idle for 30 minutes has ended
  clerk = await cookieFor("T0002");
});
afterEach(() => setClock(null));

function kiosk(cookie: string, form: Record<string, string>, address = OFFICE) {
  const { sessionId } = fixture;
  return outcome(() =>
    kioskAction({
      request: requestAs(cookie, `/sessions/${sessionId}/kiosk`, { form }),
      params: { sessionId },
      context: { cspNonce: "", clientAddress: address },
    }),
  );
}
const answerOf = (result: { body: unknown }) => result.body as KioskAnswer;

describe("the kiosk", () => {
  it("signs a trainee in by number and password, source KIOSK, and clears the form for the next person", async () => {
    const sessionsBefore = await db.session.count({ where: { personId: await personId("C0101") } });
    const result = await kiosk(clerk, { employeeNo: "c0101", password: DEMO_PASSWORD });
    expect(result.status).toBe(200);
    expect(answerOf(result)).toMatchObject({
      done: { employeeNo: "C0101", time: "08:55", mark: "PRESENT" },
      errors: null,
      employeeNo: "",
    });
    expect((await attendanceOf(fixture.sessionId)).map((a) => [a.person.employeeNo, a.source])).toEqual([
      ["C0101", "KIOSK"],
    ]);
    // The trainee is never logged in: no session row, no cookie; the clerk's own session is untouched.
    expect(await db.session.count({ where: { personId: await personId("C0101") } })).toBe(sessionsBefore);
    expect(result.headers.get("Set-Cookie")).toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "attendance.signedIn" } });
    expect(audit).toMatchObject({ actorEmployeeNo: "C0101", summary: { source: "KIOSK", kioskClerk: "T0002" } });
    expect(
      (
        await outcome(() =>
          kioskLoader({
            request: requestAs(clerk, "/x"),
            params: { sessionId: fixture.sessionId },
            context: { cspNonce: "" },
          }),
        )
      ).status,
    ).toBe(200);
  });

  it("a wrong password is refused, recorded nothing, and counts toward the lockout like the login page", async () => {
    for (let i = 0; i < 4; i++) {
      const wrong = await kiosk(clerk, { employeeNo: "C0102", password: "wrong-password-123" });
      expect(answerOf(wrong)).toMatchObject({ errors: { _form: "auth.invalidCredentials" }, employeeNo: "C0102" });
    }
    // The fifth failure locks the account from this address: the kiosk and the login page alike.
    const fifth = await kiosk(clerk, { employeeNo: "C0102", password: "wrong-password-123" });
    expect(answerOf(fifth).errors?._form).toBe("auth.locked");
    expect(answerOf(await kiosk(clerk, { employeeNo: "C0102", password: DEMO_PASSWORD })).errors?._form).toBe(
      "auth.locked",
    );
    const login = await outcome(() =>
      loginAction({
        request: requestAs(null, "/login", { form: { employeeNo: "C0102", password: DEMO_PASSWORD } }),
        params: {},
        context: { cspNonce: "", clientAddress: OFFICE },
      }),
    );
    expect(login.status).toBe(400);
    expect(await db.auditEntry.count({ where: { action: "auth.login_failed", entityId: "C0102" } })).toBe(5);
    expect(await attendanceOf(fixture.sessionId)).toEqual([]);
  });

  it("wrong passwords at the login page count at the kiosk too", async () => {
    for (let i = 0; i < 5; i++)
      await outcome(() =>
        loginAction({
          request: requestAs(null, "/login", { form: { employeeNo: "C0103", password: "nope-nope-nope" } }),
          params: {},
          context: { cspNonce: "", clientAddress: OFFICE },
        }),
      );
    expect(answerOf(await kiosk(clerk, { employeeNo: "C0103", password: DEMO_PASSWORD })).errors?._form).toBe(
      "auth.locked",
    );
  });

  it("refuses what the scan refuses: not on the roster, a second time, outside the window", async () => {
    expect(answerOf(await kiosk(clerk, { employeeNo: "C0110", password: DEMO_PASSWORD })).errors?._form).toBe(
      "signIn.refused.notOnRoster",
    );
    await kiosk(clerk, { employeeNo: "C0104", password: DEMO_PASSWORD });
    expect(answerOf(await kiosk(clerk, { employeeNo: "C0104", password: DEMO_PASSWORD })).errors?._form).toBe(
      'signIn.refused.already::{"time":"08:55"}',
    );
    clockAt(fixture, 200);
    clerk = await cookieFor("T0002");
    expect(answerOf(await kiosk(clerk, { employeeNo: "C0105", password: DEMO_PASSWORD })).errors?._form).toBe(
      'attendance.closed::{"minutes":30}',
    );
    expect((await attendanceOf(fixture.sessionId)).map((a) => a.person.employeeNo)).toEqual(["C0104"]);
  });

  it("an empty form is answered 400 with the fields named", async () => {
    const result = await kiosk(clerk, { employeeNo: "", password: "" });
    expect(result.status).toBe(400);
    expect(answerOf(result).errors).toMatchObject({
      employeeNo: "validation.required",
      password: "validation.required",
    });
  });

  it("is the clerk's and the training manager's: an agent, a head and a leader get 403", async () => {
    for (const no of ["C0101", "D0101", "G0001", "A0001"]) {
      const result = await kiosk(await cookieFor(no), { employeeNo: "C0101", password: DEMO_PASSWORD });
      expect(result.status, no).toBe(403);
    }
    expect(await attendanceOf(fixture.sessionId)).toEqual([]);
    expect((await kiosk(await cookieFor("T0001"), { employeeNo: "C0101", password: DEMO_PASSWORD })).status).toBe(200);
  });
});
