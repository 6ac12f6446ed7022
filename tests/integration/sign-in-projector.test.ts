// The projector screen: its code signs people in, its count and names follow them, and only the clerk and
// the training manager may open it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { ScreenLive } from "~/domain/attendance/sign-in-screen.server";
import { loader as projectorLoader } from "~/routes/sessions.$sessionId.projector";
import { loader as jsonLoader } from "~/routes/sessions.$sessionId.projector[.json]";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { clockAt, codeAt, openSignIn, signInCourse, type SignInFixture } from "./sign-in-fixture";
import { BASE, cookieFor, outcome, personId, requestAs, seedDemoCompany, demoCompanyBeforeEachTest } from "./support";

let fixture: SignInFixture;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  fixture = await signInCourse();
});
afterEach(() => setClock(null));

async function poll(cookie: string, have?: number): Promise<{ status: number; live: ScreenLive | null }> {
  const { sessionId } = fixture;
  const path = `/sessions/${sessionId}/projector.json${have === undefined ? "" : `?have=${have}`}`;
  try {
    const response = (await jsonLoader({
      request: requestAs(cookie, path),
      params: { sessionId },
      context: { cspNonce: "" },
    })) as Response;
    return { status: response.status, live: response.ok ? ((await response.json()) as ScreenLive) : null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, live: null };
    throw thrown;
  }
}

describe("the projector screen", () => {
  it("shows a QR code whose address signs the scanning trainee in", async () => {
    const at = clockAt(fixture, -10);
    const clerk = await cookieFor("T0002");
    const page = await outcome(() =>
      projectorLoader({
        request: requestAs(clerk, `/sessions/${fixture.sessionId}/projector`),
        params: { sessionId: fixture.sessionId },
        context: { cspNonce: "" },
      }),
    );
    expect(page.status).toBe(200);
    const { live, session } = page.body as { live: ScreenLive; session: { title: string; start: string } };
    expect(session).toMatchObject({ title: "催收合规专题复训（签到测试）", start: "09:00" });
    expect(live.state).toBe("OPEN");
    expect(live.code.qrSvg).toMatch(/^<svg/);
    const url = new URL(live.code.url);
    expect(url.origin).toBe(BASE);
    expect(url.pathname).toBe(`/sessions/${fixture.sessionId}/sign-in`);
    expect(url.searchParams.get("code")).toBe(await codeAt(fixture.sessionId, at));
    expect(live.tally).toEqual({ signedIn: 0, expected: 5, latest: [] });
    const scanned = await openSignIn("C0101", fixture.sessionId, { code: url.searchParams.get("code")! });
    expect(scanned.status).toBe(302);
  });

  it("polls a small answer: the count, the newest names first, and the image only when the code changed", async () => {
    let at = clockAt(fixture, -10);
    const clerk = await cookieFor("T0002");
    const first = (await poll(clerk)).live!;
    expect(first.code.qrSvg).toBeTruthy();
    const same = (await poll(clerk, first.code.window)).live!;
    expect(same.code.qrSvg).toBeNull();
    expect(same.code.url).toBe(first.code.url);
    for (const [no, minutes] of [
      ["C0103", -9],
      ["C0101", -8],
      ["C0102", 12],
    ] as const) {
      at = clockAt(fixture, minutes);
      expect((await openSignIn(no, fixture.sessionId, { code: await codeAt(fixture.sessionId, at) })).status).toBe(302);
    }
    const next = (await poll(clerk, first.code.window)).live!;
    expect(next.code.qrSvg).toBeTruthy(); // the clock moved on: a new code
    expect(next.tally.signedIn).toBe(3);
    expect(next.tally.latest.map((p) => [p.name, p.late])).toEqual([
      [expect.any(String), true],
      [expect.any(String), false],
      [expect.any(String), false],
    ]);
    const names = await db.person.findMany({ where: { employeeNo: { in: ["C0101", "C0102", "C0103"] } } });
    const nameOf = (no: string) => names.find((p) => p.employeeNo === no)!.name;
    expect(next.tally.latest.map((p) => p.name)).toEqual([nameOf("C0102"), nameOf("C0101"), nameOf("C0103")]);
  });

  it("expects everyone on the roster but those on approved leave or excused", async () => {
    clockAt(fixture, -10);
    const clerk = await cookieFor("T0002");
    const [c0104, c0105] = await Promise.all([personId("C0104"), personId("C0105")]);
    const approval = await db.approval.create({ data: { subjectType: "LeaveRequest", state: "APPROVED" } });
    await db.leaveRequest.create({
      data: {
        sessionId: fixture.sessionId,
        personId: c0104,
        reasonKind: "ILLNESS",
        reasonText: "发烧",
        approvalId: approval.id,
        createdAt: new Date(fixture.startsAt.getTime() - 3 * 86_400_000),
      },
    });
    await db.attendance.create({
      data: { sessionId: fixture.sessionId, personId: c0105, mark: "EXCUSED", source: "CLERK", at: fixture.startsAt },
    });
    const { tally } = (await poll(clerk)).live!;
    expect(tally).toMatchObject({ signedIn: 0, expected: 3 });
  });

  it("says when sign-in opens before the window, and that it has closed after", async () => {
    clockAt(fixture, -45);
    expect((await poll(await cookieFor("T0002"))).live).toMatchObject({ state: "NOT_OPEN_YET", opensAt: "08:30" });
    clockAt(fixture, 151);
    expect((await poll(await cookieFor("T0002"))).live).toMatchObject({ state: "CLOSED" });
  });

  it("is the clerk's and the training manager's: every other role gets 403 on the page and its data", async () => {
    clockAt(fixture, -10);
    for (const no of ["C0101", "D0101", "G0001", "L0001", "A0001"]) {
      const cookie = await cookieFor(no);
      expect((await poll(cookie)).status, no).toBe(403);
      const page = await outcome(() =>
        projectorLoader({
          request: requestAs(cookie, `/sessions/${fixture.sessionId}/projector`),
          params: { sessionId: fixture.sessionId },
          context: { cspNonce: "" },
        }),
      );
      expect(page.status, no).toBe(403);
    }
    expect((await poll(await cookieFor("T0001"))).status).toBe(200);
  });
});
