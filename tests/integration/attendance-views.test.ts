// One record everywhere: the day view, the printed sheet and its workbook, and the clerk's roster page show
// the same leave, sign-ins and marks; and the demo company arrives with attendance at the sessions begun.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";

import { isoDate } from "~/domain/delivery/session-day-rules";
import { loader as dayLoader } from "~/routes/_app.training-day";
import { loader as sheetLoader } from "~/routes/courses.$courseId.sessions.$sessionId.sign-in-sheet";
import { loader as xlsxLoader } from "~/routes/courses.$courseId.sessions.$sessionId.sign-in-sheet[.xlsx]";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_ZONE } from "../../prisma/seed/demo-calendar";

import { approveLeave, makeSession, markFields, post } from "./attendance-support";
import {
  cookieFor,
  DEMO_AT,
  demoDayAt,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  demoCompanyBeforeEachTest,
} from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

const ctx = { context: { cspNonce: "" } };
const START = () => demoDayAt("09:00", 40);
const minutes = (n: number) => new Date(START().getTime() + n * 60_000);

/** C0101 on approved leave, C0102 signed in by QR at 08:57, C0103 marked late, C0120 here to make up. */
async function markedSession() {
  const ids = await makeSession(START());
  await approveLeave(ids.sessionId, "C0101", "孩子发烧，需在家照顾");
  await db.attendance.create({
    data: {
      sessionId: ids.sessionId,
      personId: await personId("C0102"),
      mark: "PRESENT",
      source: "QR",
      at: minutes(-3),
    },
  });
  const missed = await db.courseSession.findFirstOrThrow({
    where: { startsAt: { lt: DEMO_AT } },
    select: { id: true },
  });
  await db.makeUp.create({
    data: {
      personId: await personId("C0120"),
      missedSessionId: missed.id,
      sessionId: ids.sessionId,
      acceptedAt: DEMO_AT,
    },
  });
  freezeClock(minutes(20));
  await post("T0002", ids.sessionId, { intent: "mark", ...(await markFields(ids.sessionId, "C0103", "LATE")) });
  return ids;
}

describe("the day view", () => {
  it("shows leave, sign-ins and marks from the one roster, make-ups included, and links to the tools", async () => {
    const { sessionId } = await markedSession();
    const cookie = await cookieFor("T0002");
    const date = isoDate(START(), DEMO_ZONE);
    const result = await outcome(() =>
      dayLoader({ request: requestAs(cookie, `/training-day?date=${date}`), params: {}, ...ctx }),
    );
    const data = result.body as Awaited<ReturnType<typeof dayLoader>>;
    const card = data.days[0].sessions.find((s) => s.id === sessionId)!;
    const row = (no: string) => card.roster.find((r) => r.employeeNo === no)!;
    expect(row("C0101")).toMatchObject({
      status: "ON_LEAVE",
      leave: { kind: "LEAVE", reason: "孩子发烧，需在家照顾" },
    });
    expect(row("C0102")).toMatchObject({ status: "PRESENT", time: "08:57", way: "QR", leave: null });
    expect(row("C0103")).toMatchObject({ status: "LATE", way: "CLERK" });
    expect(row("C0120")).toMatchObject({ status: "UNMARKED", makeUp: true });
    expect(card.counts).toEqual({ total: 7, onLeave: 1, expected: 6 });
    expect(card.tally).toMatchObject({ attended: 2, late: 1, unmarked: 4 });

    const page = await renderInLayout(cookie, `/training-day?date=${date}`, "_app.training-day");
    for (const href of ["projector", "kiosk", "attendance"])
      expect(page.html).toContain(`/sessions/${sessionId}/${href}`);
    expect(page.html).toContain("签到大屏");
    expect(page.html).toContain("考勤登记");
  }, 60_000); // The first test of the file also loads the layout and its pages once.
});

describe("the printed sheet and its workbook", () => {
  it("write 请假 for approved leave, the QR sign-in's time, and tag the make-up attendee", async () => {
    const { courseId, sessionId } = await markedSession();
    const cookie = await cookieFor("T0002");
    const path = `/courses/${courseId}/sessions/${sessionId}/sign-in-sheet`;
    const sheet = (await sheetLoader({ request: requestAs(cookie, path), params: { courseId, sessionId }, ...ctx }))
      .sheet;
    const row = (no: string) => sheet.rows.find((r) => r.employeeNo === no)!;
    expect(row("C0101")).toMatchObject({ signature: "ON_LEAVE", signedAt: null });
    expect(row("C0102")).toMatchObject({ signature: "QR", signedAt: "08:57" });
    // Marked by the clerk, not signed in: a line to sign on as usual.
    expect(row("C0103")).toMatchObject({ signature: null, signedAt: null });
    expect(row("C0120")).toMatchObject({ makeUp: true, signature: null });

    const response = (await xlsxLoader({
      request: requestAs(cookie, `${path}.xlsx`),
      params: { courseId, sessionId },
      ...ctx,
    })) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const lines: string[][] = [];
    workbook.worksheets[0].eachRow((r) => lines.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const byNo = (no: string) => lines.find((l) => l[1] === no)!;
    expect(byNo("C0101")[4]).toBe("请假");
    expect(byNo("C0102").slice(4)).toEqual(["已扫码签到", "08:57"]);
    expect(byNo("C0120")[2]).toMatch(/（补课）$/);
    expect(lines.some((l) => l[0] === "应到 6 人")).toBe(true);
  });
});

describe("the clerk's roster page", () => {
  it("reads in Chinese: counts, 请假 with its reason, the make-up tag, and the buttons", async () => {
    const { sessionId } = await markedSession();
    const page = await renderInLayout(
      await cookieFor("T0002"),
      `/sessions/${sessionId}/attendance`,
      "_app.sessions.$sessionId.attendance",
    );
    expect(page.status).toBe(200);
    for (const text of [
      "考勤登记",
      "应到",
      "未登记",
      "请假（已批准）：病假，孩子发烧，需在家照顾",
      "补课",
      "全部标记为出勤",
      "保存考勤",
      "08:57 扫码",
    ])
      expect(page.html).toContain(text);
    expect(page.html).toContain(`/sessions/${sessionId}/projector`);
    expect(page.html).toContain(`/sessions/${sessionId}/kiosk`);
  });
});

describe("the demo company", () => {
  it("has attendance at sessions begun, nothing after the seed's moment, none for people on leave", async () => {
    const rows = await db.attendance.findMany({
      select: {
        at: true,
        mark: true,
        source: true,
        personId: true,
        sessionId: true,
        session: { select: { startsAt: true } },
      },
    });
    expect(rows.every((r) => r.session.startsAt <= DEMO_AT && r.at <= DEMO_AT)).toBe(true);
    const leave = await db.leaveRequest.findMany({
      where: { approval: { state: "APPROVED" } },
      select: { sessionId: true, personId: true },
    });
    const onLeave = new Set(leave.map((l) => `${l.sessionId}:${l.personId}`));
    expect(rows.filter((r) => onLeave.has(`${r.sessionId}:${r.personId}`))).toEqual([]);
    const ended = await db.courseSession.count({
      where: { endsAt: { lte: DEMO_AT }, course: { approval: { state: "APPROVED" } } },
    });
    if (ended > 0) {
      // Most signed in by QR before the start; a few came late, were absent or signed on paper.
      const qr = rows.filter((r) => r.source === "QR" && r.mark === "PRESENT" && r.at <= r.session.startsAt);
      expect(qr.length).toBeGreaterThan(rows.length / 2);
      expect(rows.some((r) => r.mark === "PRESENT_PAPER")).toBe(true);
    }
  });
});
