// Steps 008–010 end to end with real mail: T0002 prepares an approved course and asks the heads to confirm;
// D0101 swaps one attendee and confirms; T0002 publishes, and an SMTP server started here receives one
// invite per attendee at the right time in Asia/Shanghai; T0002 moves the session by an hour and every
// attendee receives the update (same UID, higher SEQUENCE); both sign-in sheets print on A4.
import fs from "node:fs";
import path from "node:path";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { sessionInterval } from "~/domain/course/course-rules";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { companyDate, type CompanyDate } from "~/utils/company-calendar";
import { db, disconnectDb } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from "../support/smtp-inbox";

import { ARTIFACTS_DIR, e2eSmtpPort, login, newPage, screenshot, serverNow, settled } from "./harness";

const ZONE = "Asia/Shanghai";
const TITLE = "电话沟通技巧专项辅导（浏览器测试）";
// Agents no other browser test signs in as; C0108 is swapped for C0109 by their head.
const ATTENDEES = ["C0104", "C0105", "C0106", "C0107", "C0108"];
const AFTER_SWAP = ["C0104", "C0105", "C0106", "C0107", "C0109"];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: CompanyDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

let inbox: SmtpInbox;
let course: { id: string; sessionId: string; startsAt: Date };

beforeAll(async () => {
  inbox = await startSmtpInbox(e2eSmtpPort());
  // The starting point, as step 007 leaves it: an approved course three days from the server's today,
  // in the latest approved monthly plan, with the standard checklist.
  const at = await serverNow();
  const day = iso(companyDate(new Date(at.getTime() + 3 * 86_400_000), ZONE));
  const { startsAt, endsAt } = sessionInterval(day, "09:00", "11:30", ZONE);
  const people = await db.person.findMany({
    where: { employeeNo: { in: [...ATTENDEES, "T0002", "T0001", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } }, planItemId: { not: null } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const created = await db.$transaction(async (tx) => {
    const c = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: TITLE,
      lecturerId: who("T0003").id,
      attendeeIds: ATTENDEES.map((no) => who(no).id),
      sessions: [{ startsAt, endsAt, location: "培训室 A302" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 2 * 3_600_000),
      approvedAt: new Date(at.getTime() - 3_600_000),
    });
    await startPreparation(tx, c.id);
    return c;
  });
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: created.id } });
  course = { id: created.id, sessionId: session.id, startsAt: session.startsAt };
});

afterAll(async () => {
  await inbox?.close();
  await disconnectDb();
});

const flash = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** Presses a button that posts, and waits for the flash the page shows after the redirect. */
async function press(page: Page, button: ReturnType<Page["getByRole"]>, message: string) {
  const stale = await flash(page, message).elementHandles();
  await button.click();
  await Promise.all(stale.map((element) => element.waitForElementState("hidden")));
  await flash(page, message).first().waitFor();
  await settled(page);
}

/** The invites this course's attendees received so far. */
const invites = () =>
  inbox.mails.filter((m): m is ReceivedMail & { invite: NonNullable<ReceivedMail["invite"]> } =>
    Boolean(m.invite?.events.some((e) => e.summary === TITLE)),
  );
const addressOf = (no: string) => `${no.toLowerCase()}@jyxh.example.com`;

test("a course from checklist to published invites, a move by an hour, and both sign-in sheets on A4", async () => {
  // 008: the clerk finds the course on the preparation list and ticks every item.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto("/preparation");
  await Promise.all([clerk.waitForURL(/\/preparation$/), clerk.getByRole("link", { name: TITLE }).click()]);
  await clerk.waitForURL(new RegExp(`/courses/${course.id}/preparation$`));
  for (let open = 4; open > 0; open--) {
    await press(clerk, clerk.getByRole("button", { name: "完成", exact: true }).first(), "已勾选");
    await expect.poll(() => clerk.getByRole("button", { name: "完成", exact: true }).count()).toBe(open - 1);
  }
  await clerk.getByText("准备完成，可以发布通知").waitFor();

  // 009: the heads are asked to confirm.
  await clerk.getByRole("link", { name: "部门确认" }).click();
  await clerk.waitForURL(new RegExp(`/courses/${course.id}/confirmations$`));
  await press(clerk, clerk.getByRole("button", { name: "发起确认", exact: true }), "已向各部门负责人发起确认");

  // D0101 opens the to-do, swaps C0108 for C0109 with a reason, and confirms.
  const head = await newPage();
  await login(head, "D0101");
  await head.goto("/home");
  await Promise.all([
    head.waitForURL(new RegExp(`/courses/${course.id}/confirmations$`)),
    head.getByRole("link", { name: new RegExp(`确认培训《${TITLE}》`) }).click(),
  ]);
  const row = head.locator("li", { hasText: "C0108" }).filter({ has: head.locator("summary", { hasText: "更换" }) });
  await row.locator("summary", { hasText: "更换" }).click();
  const replacement = await row
    .locator("select[name=replacementId] option", { hasText: "C0109" })
    .getAttribute("value");
  await row.locator("select[name=replacementId]").selectOption(replacement!);
  await row.locator("input[name=reason], textarea[name=reason]").first().fill("C0108 当天轮值，由 C0109 参加");
  await press(head, row.getByRole("button", { name: "确认更换" }), "已更换参训人员");
  await press(head, head.getByRole("button", { name: "确认课程、讲师与参训人员" }), "已确认");
  await screenshot(head, "delivery-head-confirmed");

  // The clerk publishes, after the page says what will be sent.
  await clerk.getByRole("link", { name: "培训通知" }).click();
  await clerk.waitForURL(new RegExp(`/courses/${course.id}/notices`));
  await clerk.getByRole("link", { name: "发布通知" }).click();
  await clerk.getByText("将通知 5 名参训人员，发送 5 封邮件。").waitFor();
  await press(clerk, clerk.getByRole("button", { name: "确认发布" }), "通知已发布");

  // An attendee finds the notice on their to-do list.
  const agent = await newPage({ viewport: { width: 390, height: 844 } });
  await login(agent, "C0104");
  await agent.goto("/home");
  await agent.getByRole("link", { name: new RegExp(`培训通知：《${TITLE}》`) }).waitFor();
  await screenshot(agent, "delivery-agent-notice-390");

  // One mail per attendee, each with an invite at 09:00 Shanghai time on the session's day.
  // The attendees and the internal lecturer, who is on the calendar too.
  const calendarOf = [...AFTER_SWAP, "T0003"].map(addressOf).sort();
  await expect.poll(() => invites().length, { timeout: 30_000 }).toBe(calendarOf.length);
  const first = invites();
  expect(first.flatMap((m) => m.to).sort()).toEqual(calendarOf);
  for (const mail of first) {
    expect(mail.invite.method).toBe("REQUEST");
    const [event] = mail.invite.events;
    expect(event.uid).toBe(`${course.sessionId}@traingate`);
    expect(new Date(event.start).getTime()).toBe(course.startsAt.getTime());
    expect((event.start as Date & { tz?: string }).tz).toBe(ZONE);
    expect(event.location).toBe("培训室 A302");
  }
  const firstSequence = Number(first[0].invite.events[0].sequence ?? 0);

  // 009: the clerk moves the session by an hour; every attendee gets the update.
  await clerk.locator("summary", { hasText: "调整时间或地点" }).first().click();
  await clerk.locator(`#start-${course.sessionId}`).fill("10:00");
  await clerk.locator(`#end-${course.sessionId}`).fill("12:30");
  // In-house training stays in a listed room: the select offers the rooms with their seats.
  const room = clerk.locator(`select#roomId-${course.sessionId}`);
  expect(await room.locator("option:checked").textContent()).toBe("培训室 A302（40 人）");
  await room.selectOption({ label: "培训室 A302（40 人）" });
  await clerk
    .locator("form", { has: clerk.locator(`#start-${course.sessionId}`) })
    .locator("[name=reason]")
    .fill("A302 上午 9 点有面试，推迟一小时");
  await press(clerk, clerk.getByRole("button", { name: "保存调整" }), "场次已调整");
  await expect.poll(() => invites().length, { timeout: 30_000 }).toBe(2 * calendarOf.length);
  const updates = invites().slice(calendarOf.length);
  expect(updates.flatMap((m) => m.to).sort()).toEqual(calendarOf);
  for (const mail of updates) {
    const [event] = mail.invite.events;
    expect(mail.invite.method).toBe("REQUEST");
    expect(event.uid).toBe(`${course.sessionId}@traingate`);
    expect(Number(event.sequence)).toBeGreaterThan(firstSequence);
    expect(new Date(event.start).getTime()).toBe(course.startsAt.getTime() + 3_600_000);
    expect(mail.text).toContain("A302 上午 9 点有面试");
  }

  // 010: both sign-in sheets, saved as PDF from Chromium on A4.
  await Promise.all([
    clerk.waitForURL(/sign-in-sheet$/),
    clerk.getByRole("link", { name: "签到表", exact: true }).first().click(),
  ]);
  await clerk.getByRole("heading", { name: "培训签到表", exact: true }).waitFor();
  for (const no of AFTER_SWAP) await clerk.getByRole("cell", { name: no }).waitFor();
  await expectA4(clerk, "sign-in-sheet-general");

  const onboarding = await db.courseSession.findFirstOrThrow({
    where: { course: { approval: { state: "APPROVED" }, monthlyItem: { category: "NEW_HIRE" } } },
    select: { id: true, courseId: true },
  });
  await clerk.goto(`/courses/${onboarding.courseId}/sessions/${onboarding.id}/sign-in-sheet`);
  await clerk.getByRole("heading", { name: "新员工入职培训签到表", exact: true }).waitFor();
  await expectA4(clerk, "sign-in-sheet-new-hire");
});

/** Prints the page to PDF as Chromium would, keeps it with the artifacts, and checks each page is A4. */
async function expectA4(page: Page, name: string) {
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.pdf`), pdf);
  const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, width, height] of boxes) {
    // A4 is 595.28 × 841.89 points.
    expect(Math.abs(Number(width) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(height) - 841.89)).toBeLessThan(1);
  }
}
