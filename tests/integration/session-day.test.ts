// Step 010 through the routes: the clerk's day view, the two sign-in sheets (page and workbook), the
// page their QR code opens, and who may not see them.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";

import { isoDate } from "~/domain/delivery/session-day-rules";
import { loader as signInLoader } from "~/routes/_app.sessions.$sessionId.sign-in";
import { loader as dayLoader } from "~/routes/_app.training-day";
import { loader as sheetLoader } from "~/routes/courses.$courseId.sessions.$sessionId.sign-in-sheet";
import { loader as xlsxLoader } from "~/routes/courses.$courseId.sessions.$sessionId.sign-in-sheet[.xlsx]";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_ZONE } from "../../prisma/seed/demo-calendar";

import { BASE, cookieFor, DEMO_AT, outcome, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

const ctx = { context: { cspNonce: "" } };
type DayData = Awaited<ReturnType<typeof dayLoader>>;
type SheetData = Awaited<ReturnType<typeof sheetLoader>>;

/** The demo's latest session of a course found by title (the current month's copy). */
async function demoSession(title: string) {
  return db.courseSession.findFirstOrThrow({
    where: { course: { title: { startsWith: title }, approval: { state: "APPROVED" } } },
    orderBy: { startsAt: "desc" },
    include: { course: { include: { attendees: true, monthlyItem: true } } },
  });
}
const COMPLIANCE = "话术规范与投诉案例复训（催收一部）";
// The current month's new-hire course ("新员工岗前培训（12 月批次）" in December).
const NEW_HIRE = "新员工岗前培训（";

async function day(employeeNo: string | null, query = "") {
  const cookie = employeeNo ? await cookieFor(employeeNo) : null;
  return outcome(() => dayLoader({ request: requestAs(cookie, `/training-day${query}`), params: {}, ...ctx }));
}
async function sheet(employeeNo: string | null, courseId: string, sessionId: string) {
  const cookie = employeeNo ? await cookieFor(employeeNo) : null;
  const path = `/courses/${courseId}/sessions/${sessionId}/sign-in-sheet`;
  return outcome(() => sheetLoader({ request: requestAs(cookie, path), params: { courseId, sessionId }, ...ctx }));
}
async function xlsx(employeeNo: string, courseId: string, sessionId: string) {
  const path = `/courses/${courseId}/sessions/${sessionId}/sign-in-sheet.xlsx`;
  const request = requestAs(await cookieFor(employeeNo), path);
  return (await xlsxLoader({ request, params: { courseId, sessionId }, ...ctx })) as Response;
}

describe("the day view", () => {
  it("on two days without sessions, names the next one and the day to open", async () => {
    const session = await demoSession(COMPLIANCE);
    // Three days before the month's first session nothing is on (the demo's sessions start on the 10th).
    const first = await db.courseSession.findFirstOrThrow({
      where: {
        startsAt: { gte: new Date(session.startsAt.getTime() - 40 * 86_400_000) },
        course: { approval: { state: "APPROVED" } },
      },
      orderBy: { startsAt: "asc" },
      include: { course: true },
    });
    freezeClock(new Date(first.startsAt.getTime() - 3 * 86_400_000));
    const data = (await day("T0002")).body as DayData;
    expect(data.days.flatMap((d) => d.sessions)).toEqual([]);
    expect(data.next).toEqual({ date: isoDate(first.startsAt, DEMO_ZONE), title: first.course.title });
  });

  it("lists the demo's session on its day with room, lecturer and roster, and the day before as tomorrow", async () => {
    const session = await demoSession(COMPLIANCE);
    freezeClock(new Date(session.startsAt.getTime() - 5 * 3_600_000));
    const result = await day("T0002");
    expect(result.status).toBe(200);
    const data = result.body as DayData;
    expect(data.date).toBe(isoDate(session.startsAt, DEMO_ZONE));
    const card = data.days[0].sessions.find((s) => s.id === session.id)!;
    expect(card).toMatchObject({
      location: session.location,
      start: "14:00",
      end: "17:00",
      // The demo publishes a course once its first session has begun on the seed's day.
      state: session.startsAt <= DEMO_AT ? "PUBLISHED" : "PREPARING",
      course: { id: session.courseId, title: COMPLIANCE },
      lecturer: { kind: "INTERNAL" },
    });
    expect(card.roster).toHaveLength(session.course.attendees.length);
    expect(card.roster.every((r) => /^C01\d\d$/.test(r.employeeNo))).toBe(true);
    // The demo's approved leave forms (some days one falls on this session) are the roster's leave.
    const onLeave = await db.leaveRequest.count({
      where: { sessionId: session.id, approval: { state: "APPROVED" } },
    });
    expect(card.roster.filter((r) => r.leave).length).toBe(onLeave);
    expect(card.counts).toEqual({ total: card.roster.length, onLeave, expected: card.roster.length - onLeave });

    const before = isoDate(new Date(session.startsAt.getTime() - 86_400_000), DEMO_ZONE);
    const earlier = (await day("T0002", `?date=${before}`)).body as DayData;
    expect(earlier.days[0].sessions.map((s) => s.id)).not.toContain(session.id);
    expect(earlier.days[1].sessions.map((s) => s.id)).toContain(session.id);
  });

  it("shows the checklist's ticks, labels by key or own text; leaves out cancelled courses", async () => {
    const session = await demoSession(COMPLIANCE);
    freezeClock(session.startsAt);
    // This course's checklist as the test wants it: one standard line ticked, one line of the clerk's own.
    await db.preparationItem.deleteMany({ where: { courseId: session.courseId } });
    await db.preparationItem.createMany({
      data: [
        { courseId: session.courseId, key: "venue", sortOrder: 1, doneAt: DEMO_AT },
        { courseId: session.courseId, label: "借用投影仪", sortOrder: 2 },
      ],
    });
    const card = ((await day("T0002")).body as DayData).days[0].sessions.find((s) => s.id === session.id)!;
    expect(card.checklist).toEqual([
      expect.objectContaining({ done: true, labelKey: "sessionDay.checklist.venue" }),
      expect.objectContaining({ done: false, label: "借用投影仪" }),
    ]);
    expect(card.checklistDone).toBe(1);

    await db.courseDelivery.upsert({
      where: { courseId: session.courseId },
      create: { courseId: session.courseId, state: "CANCELLED" },
      update: { state: "CANCELLED" },
    });
    const after = ((await day("T0002")).body as DayData).days[0].sessions.map((s) => s.id);
    expect(after).not.toContain(session.id);
    expect((await sheet("T0002", session.courseId, session.id)).status).toBe(404);
  });

  it("is the clerk's: an agent, a head and the general manager are refused", async () => {
    for (const who of ["C0101", "D0101", "G0001"]) expect((await day(who)).status).toBe(403);
    expect((await day(null)).location).toMatch(/^\/login/);
  });
});

describe("the sign-in sheets", () => {
  it("gives new-hire sessions the new-hire form, others the general one; a row per attendee, a QR code", async () => {
    const compliance = await demoSession(COMPLIANCE);
    const general = (await sheet("T0002", compliance.courseId, compliance.id)).body as SheetData;
    expect(general.sheet.layout).toBe("general");
    expect(general.sheet.rows).toHaveLength(compliance.course.attendees.length);
    expect(general.sheet.rows.map((r) => r.no)).toEqual(general.sheet.rows.map((_, i) => i + 1));
    expect(general.sheet.signInUrl).toBe(`${BASE}/sessions/${compliance.id}/sign-in`);
    expect(general.sheet.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(general.sheet.qrSvg).not.toMatch(/<script/i);
    expect(general.sheet.ordinal).toEqual({ n: 1, of: 1 });

    const newHire = await demoSession(NEW_HIRE);
    expect(newHire.course.monthlyItem.category).toBe("NEW_HIRE");
    const hires = (await sheet("T0001", newHire.courseId, newHire.id)).body as SheetData;
    expect(hires.sheet.layout).toBe("newHire");
    expect(hires.sheet.ordinal).toEqual({ n: 2, of: 2 });
    expect(hires.sheet.rows.map((r) => r.employeeNo)).toEqual(["C0119", "C0120", "C0219", "C0220"]);
  });

  it("downloads as a workbook: title, header, one bordered row per attendee, formula-like text quoted", async () => {
    const session = await demoSession(COMPLIANCE);
    const first = session.course.attendees[0];
    await db.person.update({ where: { id: first.personId }, data: { name: "=HYPERLINK(1)" } });
    const response = await xlsx("T0002", session.courseId, session.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="sign-in-sheet-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const ws = workbook.worksheets[0];
    expect(ws.name).toBe("培训签到表");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 0 });
    const rows: string[][] = [];
    const numbers: number[] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
      numbers.push(row.number);
    });
    expect(rows[1][0]).toBe("培训签到表");
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual(["序号", "工号", "姓名", "部门", "签名", "签到时间"]);
    const body = rows.slice(header + 1).filter((r) => /^\d+$/.test(r[0]));
    expect(body).toHaveLength(session.course.attendees.length);
    expect(body.map((r) => r[2])).toContain("'=HYPERLINK(1)");
    expect(ws.pageSetup.printTitlesRow).toBe(`${numbers[header]}:${numbers[header]}`);
  });

  it("refuses an agent (403) and a head (404); 404 for another course's session or an unapproved course", async () => {
    const session = await demoSession(COMPLIANCE);
    expect((await sheet("C0101", session.courseId, session.id)).status).toBe(403);
    expect((await sheet("D0101", session.courseId, session.id)).status).toBe(404);
    expect((await sheet(null, session.courseId, session.id)).location).toMatch(/^\/login/);
    const other = await demoSession(NEW_HIRE);
    expect((await sheet("T0002", other.courseId, session.id)).status).toBe(404);
    expect((await sheet("T0002", session.courseId, "cl0000000000000000000000")).status).toBe(404);
    await db.approval.update({
      where: { id: (await db.course.findUniqueOrThrow({ where: { id: session.courseId } })).approvalId },
      data: { state: "SUBMITTED" },
    });
    expect((await sheet("T0002", session.courseId, session.id)).status).toBe(404);
    expect((await xlsx("T0002", session.courseId, session.id).catch((r: Response) => r)).status).toBe(404);
  });
});

describe("the page the QR code opens", () => {
  it("needs a login, then shows anyone the course, time and place, and says scanning is not open yet", async () => {
    const session = await demoSession(COMPLIANCE);
    const open = async (cookie: string | null) =>
      outcome(() =>
        signInLoader({
          request: requestAs(cookie, `/sessions/${session.id}/sign-in`),
          params: { sessionId: session.id },
          ...ctx,
        }),
      );
    const anonymous = await open(null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    const agent = await open(await cookieFor("C0101"));
    expect(agent.status).toBe(200);
    expect(agent.body).toMatchObject({ session: { title: COMPLIANCE, location: session.location, start: "14:00" } });
  });
});
