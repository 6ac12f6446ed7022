// Step 012 end to end: T0002 closes a session's roster and files a scan of the paper sheet; the trainees'
// files show the course and its hours; a correction is audited; C0105 rates the course from the to-do list;
// a new hire's pre-job assessment is filed and signed off, and the clearance API follows it; G0001 reads
// the year on the dashboard's charts and B6 on the rule page.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { createApiKey } from "~/domain/clearance/api-keys.server";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { companyDate } from "~/utils/company-calendar";
import { db, disconnectDb } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { baseURL, login, newPage, screenshot, serverNow, whatThePageSaid } from "./harness";

const ZONE = "Asia/Shanghai";
const TITLE = "归档与评估演练课程（浏览器测试）";
const NEW_HIRE = "C0220";
// The smallest thing the server takes for a PDF: its signature and a trailer.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let course: { id: string; sessionId: string };
let apiKey: string;
let year: number;

beforeAll(async () => {
  // A two-hour session that ended two hours ago, attended by C0105 (scanned in), C0110 (late) and C0111.
  const at = await serverNow();
  year = companyDate(new Date(at.getTime() - 60 * 86_400_000), ZONE).year;
  const people = await db.person.findMany({
    where: { employeeNo: { in: ["C0105", "C0110", "C0111", "T0001", "T0002", "T0003", "C0102", NEW_HIRE] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const startsAt = new Date(at.getTime() - 4 * 3_600_000);
  const endsAt = new Date(at.getTime() - 2 * 3_600_000);
  const created = await db.$transaction(async (tx) => {
    const c = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: TITLE,
      lecturerId: who("T0003").id,
      attendeeIds: ["C0105", "C0110", "C0111"].map((no) => who(no).id),
      sessions: [{ startsAt, endsAt, location: "培训室 A301" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 30 * 86_400_000),
      approvedAt: new Date(at.getTime() - 29 * 86_400_000),
    });
    await startPreparation(tx, c.id);
    const session = await tx.courseSession.findFirstOrThrow({ where: { courseId: c.id } });
    await tx.attendance.createMany({
      data: [
        { personId: who("C0105").id, mark: "PRESENT" as const, source: "QR" as const, at: startsAt },
        {
          personId: who("C0110").id,
          mark: "LATE" as const,
          source: "KIOSK" as const,
          at: new Date(startsAt.getTime() + 15 * 60_000),
        },
        {
          personId: who("C0111").id,
          mark: "PRESENT_PAPER" as const,
          source: "CLERK" as const,
          at: endsAt,
          markedById: who("T0002").id,
        },
      ].map((row) => ({ ...row, sessionId: session.id })),
    });
    // The new hire passed the rules quiz (C0102's attempts), so only the assessment can keep them from cases.
    const attempts = await tx.quizAttempt.findMany({ where: { personId: who("C0102").id, status: "SUBMITTED" } });
    await tx.quizAttempt.createMany({
      data: attempts.map(
        ({ id: _id, personId: _p, openKey: _k, ...a }) => ({ ...a, personId: who(NEW_HIRE).id }) as never,
      ),
    });
    return { id: c.id, sessionId: session.id };
  });
  course = created;
  apiKey = (await createApiKey({ id: who("T0001").id, employeeNo: "T0001" } as never, "浏览器测试")).key;
});

afterAll(async () => {
  await disconnectDb();
});

/** Opens a confirmation (a <details> whose summary is the label) and presses the real submit inside it. */
async function confirm(page: Page, label: string, confirmLabel: string) {
  await page.locator("summary", { hasText: label }).first().click();
  await page.getByRole("button", { name: confirmLabel, exact: true }).click();
}

async function clearance(employeeNo: string) {
  const response = await fetch(`${baseURL}/api/v1/clearance/${employeeNo}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  return (await response.json()) as { cleared: boolean; reasons: string[] };
}

async function step<T>(page: Page, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${what} failed; the page said: ${await whatThePageSaid(page)}\n${String(error)}`);
  }
}

test("T0002 archives a session; files, a correction, a survey, an assessment and clearance follow", async () => {
  // The clerk finds the session among those to close, closes it and files the scan of the signed sheet.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await step(clerk, "closing the roster", async () => {
    await clerk.goto("/archive");
    await clerk.getByText(TITLE).first().waitFor();
    await clerk.goto(`/sessions/${course.sessionId}/archive`);
    await confirm(clerk, "关闭签到表并归档", "确认归档");
    await clerk.getByRole("heading", { name: "更正档案记录" }).waitFor();
  });
  expect(await db.trainingRecord.count({ where: { sessionId: course.sessionId } })).toBe(3);
  await step(clerk, "uploading the scan", async () => {
    await clerk
      .locator("input[name=file]")
      .setInputFiles({ name: "签到表.pdf", mimeType: "application/pdf", buffer: PDF });
    await clerk.locator("input[name=file]").locator("xpath=ancestor::form").locator("button[type=submit]").click();
    await clerk.getByText("签到表.pdf").first().waitFor();
  });
  expect(await db.sessionScan.count({ where: { sessionId: course.sessionId } })).toBe(1);

  // C0110 was marked late by mistake: the clerk corrects it with a reason, kept with the record.
  await step(clerk, "amending a record", async () => {
    const record = await db.trainingRecord.findFirstOrThrow({
      where: { sessionId: course.sessionId, person: { employeeNo: "C0110" } },
    });
    await clerk.locator("#amend-record").selectOption(record.id);
    await clerk.locator("#amend-outcome").selectOption("PRESENT");
    await clerk.locator("#amend-reason").fill("终端时间有误，实际按时到场（见纸质签到表）");
    await clerk.getByRole("button", { name: "提交更正" }).click();
    await clerk.getByText("原因：终端时间有误，实际按时到场（见纸质签到表）").first().waitFor();
  });
  await screenshot(clerk, "archive-session-closed");
  const amended = await db.trainingRecord.findFirstOrThrow({
    where: { sessionId: course.sessionId, person: { employeeNo: "C0110" } },
    include: { amendments: true },
  });
  expect(amended).toMatchObject({ outcome: "PRESENT", minutes: 120 });
  expect(amended.amendments).toHaveLength(1);
  expect(await db.auditEntry.count({ where: { action: { startsWith: "archive." }, entityId: amended.id } })).toBe(1);

  // C0105, on a phone: the file shows the course and its two hours, and the to-do asks for a rating.
  const trainee = await newPage({ viewport: { width: 390, height: 844 } });
  await login(trainee, "C0105");
  await step(trainee, "reading the own training file", async () => {
    await trainee.goto("/training-files");
    await trainee.waitForURL(/\/training-files\/[^/]+$/);
    await trainee.getByText(TITLE).first().waitFor();
  });
  expect(await trainee.locator("main").innerText()).toMatch(/2(\.0)?\s*(学时|小时)/);
  await step(trainee, "answering the survey", async () => {
    await trainee.goto("/home");
    await trainee.getByRole("link", { name: new RegExp(`请评价课程《${TITLE}》`) }).click();
    await trainee.waitForURL(new RegExp(`/course-surveys/${course.id}$`));
    for (const [question, score] of [
      ["course", "5"],
      ["lecturer", "5"],
      ["venue", "4"],
      ["usefulness", "5"],
    ])
      await trainee.locator(`input[name="${question}"][value="${score}"]`).check();
    await trainee.locator("#comment").fill("案例贴近实际，希望多安排模拟通话练习。");
    await screenshot(trainee, "archive-survey-phone");
    await trainee.getByRole("button", { name: "提交评价" }).click();
    await trainee.getByText("感谢您的评价！").first().waitFor();
  });
  expect(await db.courseEvaluation.count({ where: { courseId: course.id } })).toBe(1);

  // The new hire passed the quiz, yet is not cleared until a signed-off assessment says they passed.
  await expect
    .poll(async () => (await clearance(NEW_HIRE)).reasons, { timeout: 10_000 })
    .toContain("assessmentMissing");
  expect((await clearance(NEW_HIRE)).cleared).toBe(false);
  const manager = await newPage();
  await login(manager, "T0001");
  const hire = await db.person.findUniqueOrThrow({ where: { employeeNo: NEW_HIRE }, select: { id: true } });
  await step(manager, "filing the assessment", async () => {
    await manager.goto(`/assessments/new?personId=${hire.id}`);
    for (const [field, score] of [
      ["attendanceScore", "100"],
      ["quizScore", "92"],
      ["practiceScore", "85"],
      ["attitudeScore", "90"],
    ])
      await manager.locator(`#${field}`).fill(score);
    await manager.locator('input[name="result"][value="PASS"]').check();
    await manager.locator("#comments").fill("岗前培训全勤，模拟通话规范，可以独立上岗。");
    await manager.locator("form button[type=submit].btn-primary").last().click();
    await manager.waitForURL(/\/assessments\/[^/?]+$/);
  });
  const assessmentUrl = new URL(manager.url()).pathname;
  const head = await newPage({ viewport: { width: 390, height: 844 } });
  await login(head, "D0201");
  await step(head, "signing the assessment off", async () => {
    await head.goto(assessmentUrl);
    await confirm(head, "签字确认", "签字确认");
    await head.getByText("已签字确认").first().waitFor();
  });
  await expect.poll(async () => (await clearance(NEW_HIRE)).cleared, { timeout: 10_000 }).toBe(true);

  // G0001 reads the year on the dashboard's charts and follows B6 around the loop.
  const gm = await newPage();
  await login(gm, "G0001");
  await step(gm, "reading the dashboard", async () => {
    await gm.goto(`/dashboard?year=${year}`);
    await gm.getByText("人均培训学时").first().waitFor();
  });
  expect(await gm.locator("main svg").count()).toBeGreaterThanOrEqual(5);
  await screenshot(gm, "archive-dashboard");
  // A course of the year that teaches B6 (the rule page lists the year's courses).
  const teaching = await db.courseRule.findMany({
    where: { ruleId: "B6", course: { approval: { state: "APPROVED" } } },
    select: { course: { select: { title: true, sessions: { select: { startsAt: true } } } } },
  });
  const taught = teaching.find((t) => t.course.sessions.some((x) => companyDate(x.startsAt, ZONE).year === year));
  expect(taught, `a course of ${year} teaching B6`).toBeDefined();
  await step(gm, "reading the rule page", async () => {
    await gm.goto(`/rule-loop/B6?year=${year}`);
    await gm.getByRole("heading", { name: /B6/ }).first().waitFor();
  });
  const rulePage = await gm.locator("main").innerText();
  expect(rulePage).toContain(taught!.course.title);
  await screenshot(gm, "archive-rule-b6");
});
