// A person's training file (培训档案): the list of files a reader may open, the file with hours per
// company year, amendments and make-ups, its paper form and workbook, and who may read whose file.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { yearBounds } from "~/domain/training-file/training-file-rules";
import { loader as fileLoader } from "~/routes/_app.training-files.$personId._index";
import { loader as exportLoader } from "~/routes/_app.training-files.$personId.export";
import { loader as listLoader } from "~/routes/_app.training-files._index";
import { loader as printLoader } from "~/routes/training-files.$personId.print";
import { now } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { cookieFor, outcome, personId, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "./support";

const ZONE = "Asia/Shanghai";
const ctx = { context: { cspNonce: "" } };
type Loader = (args: never) => Promise<unknown>;

async function call(employeeNo: string, loader: Loader, path: string, params: Record<string, string> = {}) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() => loader({ request: requestAs(cookie, path), params, ...ctx } as never));
}

type ListBody = Awaited<ReturnType<typeof listLoader>>;
type FileBody = Awaited<ReturnType<typeof fileLoader>>;
const list = async (employeeNo: string, query = "") => {
  const result = await call(employeeNo, listLoader, `/training-files${query}`);
  expect(result.status).toBe(200);
  return result.body as ListBody;
};

/**
 * Records for C0101 written directly (the archive's close-roster writes them in the app): this company
 * year's first half hour (90 min present, amended from absent), the last half hour of last year (120 min
 * late), and a session this year missed, made up at a later session.
 */
async function recordsForC0101() {
  const id = await personId("C0101");
  const amender = await personId("T0002");
  await db.trainingRecord.deleteMany({ where: { personId: id } });
  const year = companyDate(now(), ZONE).year;
  const sessions = await db.courseSession.findMany({
    take: 4,
    orderBy: { startsAt: "asc" },
    select: { id: true, courseId: true },
  });
  expect(sessions.length).toBe(4);
  const { departmentId } = await db.person.findUniqueOrThrow({ where: { id }, select: { departmentId: true } });
  const thisYear = yearBounds(year, ZONE).start;
  const base = (i: number, startsAt: Date, minutes: number) => ({
    sessionId: sessions[i].id,
    courseId: sessions[i].courseId,
    personId: id,
    departmentId,
    minutes,
    courseTitle: `档案课程${i}`,
    category: "INTERNAL" as const,
    lecturerName: "周讲师",
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    createdAt: now(),
  });
  const firstHalfHour = new Date(thisYear.getTime() + 30 * 60_000);
  const lastHalfHourBefore = new Date(thisYear.getTime() - 30 * 60_000);
  const amended = await db.trainingRecord.create({
    data: {
      ...base(0, firstHalfHour, 90),
      outcome: "PRESENT",
      quizScorePercent: 85,
      quizPassed: true,
      amendedAt: now(),
    },
  });
  await db.trainingRecordAmendment.create({
    data: {
      recordId: amended.id,
      byId: amender,
      at: now(),
      reason: "签到表漏签，已核实",
      fromOutcome: "ABSENT",
      toOutcome: "PRESENT",
      fromMinutes: 0,
      toMinutes: 90,
    },
  });
  await db.trainingRecord.create({ data: { ...base(1, lastHalfHourBefore, 120), outcome: "LATE" } });
  const missedAt = new Date(thisYear.getTime() + 40 * 86_400_000);
  await db.trainingRecord.create({
    data: { ...base(2, missedAt, 60), minutes: 0, outcome: "ABSENT", makeUpOwed: true },
  });
  await db.trainingRecord.create({
    data: {
      ...base(3, new Date(missedAt.getTime() + 7 * 86_400_000), 60),
      outcome: "PRESENT",
      makeUpForSessionId: sessions[2].id,
    },
  });
  return { id, year };
}

demoCompanyBeforeEachTest();

describe("a person's training file", () => {
  it("shows hours per company year, each record with its amendment and its make-up", async () => {
    const { id, year } = await recordsForC0101();
    const result = await call("D0101", fileLoader, `/training-files/${id}`, { personId: id });
    expect(result.status).toBe(200);
    const { file } = result.body as FileBody;
    // 00:30 on New Year's day counts in the new year; 23:30 the evening before in the old one.
    expect(file.years).toEqual([
      { year, minutes: 150, hours: 2.5, sessions: 2, courses: expect.any(Number) as number },
      { year: year - 1, minutes: 120, hours: 2, sessions: 1, courses: 1 },
    ]);
    const records = file.recordYears.flatMap((y) => y.records);
    const amended = records.find((r) => r.courseTitle === "档案课程0")!;
    expect(amended.amendments).toMatchObject([
      { reason: "签到表漏签，已核实", fromOutcome: "ABSENT", toOutcome: "PRESENT", byName: expect.any(String) },
    ]);
    expect(amended.amendments[0].byName.length).toBeGreaterThan(0);
    expect(records.find((r) => r.courseTitle === "档案课程2")!.makeUp).toBe("madeUp");
    // The phone number never leaves the server in full.
    expect(file.person.phone).toMatch(/^(\d{3}\*{4}\d{4})?$/);
    expect(file.certification.status).toBeTruthy();
  });

  it("renders on screen with every section, and says so politely where a section is empty", async () => {
    const { id } = await recordsForC0101();
    // C0101 was hired this year and the demo assessed them; here the section must be the empty one.
    await db.preJobAssessment.deleteMany({ where: { personId: id } });
    const page = await renderInLayout(
      await cookieFor("T0001"),
      `/training-files/${id}`,
      "_app.training-files.$personId._index",
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain("档案课程0");
    expect(page.html).toContain("签到表漏签，已核实");
    expect(page.html).toContain("已补课");
    expect(page.html).toContain("暂无岗前培训考核");
    const other = await personId("C0102");
    await db.trainingRecord.deleteMany({ where: { personId: other } });
    const empty = await renderInLayout(
      await cookieFor("T0001"),
      `/training-files/${other}`,
      "_app.training-files.$personId._index",
    );
    expect(empty.html).toContain("暂无培训记录");
  });

  it("prints and exports the same records and hours, the file named in the reader's language", async () => {
    const { id, year } = await recordsForC0101();
    const printed = await call("T0002", printLoader, `/training-files/${id}/print`, { personId: id });
    expect(printed.status).toBe(200);
    expect((printed.body as { file: FileBody["file"] }).file.recordCount).toBe(4);

    const cookie = await cookieFor("T0002");
    const response = (await exportLoader({
      request: requestAs(cookie, `/training-files/${id}/export`),
      params: { personId: id },
      ...ctx,
    })) as Response;
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? "")).toMatch(
      /^培训档案-.+-C0101\.xlsx$/,
    );
    expect(disposition).toContain('filename="training-file-C0101.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const rows: string[] = [];
    workbook.worksheets[0].eachRow((row) =>
      rows.push((row.values as unknown[]).filter((v) => v !== null && v !== undefined).join(" | ")),
    );
    expect(rows.some((r) => r.startsWith(`${year} | 2.5 | 2`))).toBe(true);
    expect(rows.some((r) => r.startsWith(`${year - 1} | 2 | 1 | 1`))).toBe(true);
    for (const title of ["档案课程0", "档案课程1", "档案课程2", "档案课程3"]) expect(rows.join("\n")).toContain(title);
    expect(rows.join("\n")).toContain("签到表漏签，已核实");

    await db.person.update({ where: { employeeNo: "T0002" }, data: { locale: "en" } });
    const english = (await exportLoader({
      request: requestAs(cookie, `/training-files/${id}/export`),
      params: { personId: id },
      ...ctx,
    })) as Response;
    expect(decodeURIComponent(english.headers.get("Content-Disposition") ?? "")).toContain("Training file - ");
  });
});

describe("the quiz attempts on the file's page", () => {
  it("the page shows the latest 20 and says how many there are; the print lists them all", async () => {
    const id = await personId("C0101");
    const quiz = await db.quiz.findFirstOrThrow({ select: { id: true } });
    const before = await db.quizAttempt.count({ where: { personId: id, status: "SUBMITTED" } });
    const base = now().getTime() - 100 * 86_400_000;
    await db.quizAttempt.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        quizId: quiz.id,
        personId: id,
        mode: "FULL" as const,
        status: "SUBMITTED" as const,
        startedAt: new Date(base + i * 86_400_000),
        deadlineAt: new Date(base + i * 86_400_000 + 3_600_000),
        submittedAt: new Date(base + i * 86_400_000 + 600_000),
        passPercent: 80,
        ruleVersions: {},
        questionCount: 10,
        correctCount: 9,
        scorePercent: 90,
        passed: true,
      })),
    });
    const total = before + 25;
    const shown = (await call("T0002", fileLoader, `/training-files/${id}`, { personId: id })).body as FileBody;
    expect(shown.file.attempts).toHaveLength(20);
    expect(shown.file.attemptCount).toBe(total);
    const times = shown.file.attempts.map((a) => new Date(a.submittedAt!).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const newest = await db.quizAttempt.findFirstOrThrow({
      where: { personId: id, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      select: { id: true },
    });
    expect(shown.file.attempts[0].id).toBe(newest.id);

    const page = await renderInLayout(
      await cookieFor("T0002"),
      `/training-files/${id}`,
      "_app.training-files.$personId._index",
    );
    expect(page.html).toContain(`显示最近 20 次，共 ${total} 次`);

    const printed = await call("T0002", printLoader, `/training-files/${id}/print`, { personId: id });
    expect((printed.body as { file: FileBody["file"] }).file.attempts).toHaveLength(total);
  });
});

describe("the list of files", () => {
  it("shows the people in scope with this year's hours and courses, paged and searchable", async () => {
    const { year } = await recordsForC0101();
    const all = await list("T0001", "?q=C0101");
    expect(all.year).toBe(year);
    expect(all.people).toHaveLength(1);
    expect(all.people[0]).toMatchObject({ employeeNo: "C0101", hours: 2.5 });
    expect(all.people[0].courses).toBeGreaterThanOrEqual(1);
    const byName = await list("T0001", `?q=${encodeURIComponent(all.people[0].name)}`);
    expect(byName.people.map((p) => p.employeeNo)).toContain("C0101");
    const everyone = await list("G0001");
    expect(everyone.people.length).toBeLessThanOrEqual(30);
    expect(everyone.total).toBe(await db.person.count());
    // Pages are keyset pages (tests/integration/list-pages.test.ts walks them all).
    const second = await list("G0001", `?after=${encodeURIComponent(everyone.next!)}`);
    expect(second.people.map((p) => p.id)).not.toContain(everyone.people[0].id);
  });

  it("a department head lists their department and its teams, never 催收二部, not even by search or filter", async () => {
    const head = await list("D0101");
    const numbers = head.people.map((p) => p.employeeNo);
    expect(numbers).toContain("C0101");
    expect(numbers.some((n) => n.startsWith("C02"))).toBe(false);
    expect((await list("D0101", "?q=C02")).total).toBe(0);
    const col2 = await db.department.findUniqueOrThrow({ where: { code: "COL2" } });
    expect((await list("D0101", `?departmentId=${col2.id}`)).total).toBe(0);
    // A team of 催收一部 filters to its people, who are in the head's scope.
    const c0101 = await db.person.findUniqueOrThrow({
      where: { employeeNo: "C0101" },
      select: { department: { select: { id: true, kind: true } } },
    });
    const team = await list("D0101", `?departmentId=${c0101.department.id}`);
    expect(team.people.map((p) => p.employeeNo)).toContain("C0101");
    const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" } });
    const whole = await list("D0101", `?departmentId=${col1.id}`);
    expect(whole.total).toBe(head.total);
  });

  it("an employee is sent straight to their own file", async () => {
    const result = await call("C0101", listLoader, "/training-files");
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/training-files/${await personId("C0101")}`);
  });
});

describe("who may read whose file", () => {
  const open = async (reader: string, owner: string, loader: Loader = fileLoader, suffix = "") => {
    const id = await personId(owner);
    return (await call(reader, loader, `/training-files/${id}${suffix}`, { personId: id })).status;
  };

  it("an agent reads their own file only", async () => {
    expect(await open("C0101", "C0101")).toBe(200);
    expect(await open("C0101", "C0102")).toBe(403);
    expect(await open("C0101", "C0102", printLoader, "/print")).toBe(403);
    expect(await open("C0101", "C0102", exportLoader, "/export")).toBe(403);
  });

  it("the head of 催收一部 reads its people's files and never a 催收二部 person's", async () => {
    expect(await open("D0101", "C0101")).toBe(200);
    expect(await open("D0101", "C0201")).toBe(403);
    expect(await open("D0101", "C0201", printLoader, "/print")).toBe(403);
    expect(await open("D0101", "C0201", exportLoader, "/export")).toBe(403);
  });

  it("the training department, the general manager and the leader read everyone's", async () => {
    for (const reader of ["T0001", "T0002", "G0001", "L0001"]) {
      expect(await open(reader, "C0201")).toBe(200);
      expect(await open(reader, "D0101", printLoader, "/print")).toBe(200);
    }
    expect((await call("T0001", fileLoader, "/training-files/nobody", { personId: "nobody" })).status).toBe(404);
  });
});
