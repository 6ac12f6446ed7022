// Step 011, leave (《培训课程请假表》) end to end: C0105 files leave on a phone for an upcoming session of a course
// they attend, with a photo of a doctor's note; D0101 approves it from the to-do list; T0002 acknowledges receipt;
// the roster and the printed sheet then have C0105 on leave; once the session is over C0105 owes a make-up and
// accepts a later session of another course of the same monthly-plan item.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { sessionRoster } from "~/domain/attendance/roster.server";
import { sessionInterval } from "~/domain/course/course-rules";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { companyDate, type CompanyDate } from "~/utils/company-calendar";
import { db, disconnectDb } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { login, moveServerClock, newPage, screenshot, serverNow, settled } from "./harness";

const ZONE = "Asia/Shanghai";
const TITLE = "请假流程演练课程（浏览器测试）";
const LATER = "请假流程演练课程·二期（浏览器测试）";
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: CompanyDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
// A PNG's signature and header: what the server checks a "photo" by.
const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let course: { id: string; sessionId: string; makeUpSessionId: string };
let traineeName: string;

beforeAll(async () => {
  // An approved course two days after the server's today, attended by C0105 and two colleagues.
  const at = await serverNow();
  const day = iso(companyDate(new Date(at.getTime() + 2 * 86_400_000), ZONE));
  const { startsAt, endsAt } = sessionInterval(day, "14:00", "16:00", ZONE);
  const people = await db.person.findMany({
    where: { employeeNo: { in: ["C0105", "C0110", "C0111", "T0002", "T0001", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  traineeName = who("C0105").name;
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const created = await db.$transaction(async (tx) => {
    const c = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: TITLE,
      lecturerId: who("T0003").id,
      attendeeIds: ["C0105", "C0110", "C0111"].map((no) => who(no).id),
      sessions: [{ startsAt, endsAt, location: "培训室 B305" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 2 * 3_600_000),
      approvedAt: new Date(at.getTime() - 3_600_000),
    });
    await startPreparation(tx, c.id);
    // The same item again four days later for two other agents, with seats free: where a make-up can go.
    const later = sessionInterval(
      iso(companyDate(new Date(at.getTime() + 4 * 86_400_000), ZONE)),
      "09:00",
      "11:00",
      ZONE,
    );
    const again = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: LATER,
      lecturerId: who("T0003").id,
      attendeeIds: ["C0110", "C0111"].map((no) => who(no).id),
      sessions: [{ ...later, location: "培训室 B306" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 2 * 3_600_000),
      approvedAt: new Date(at.getTime() - 3_600_000),
    });
    await startPreparation(tx, again.id);
    return { id: c.id, againId: again.id };
  });
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: created.id } });
  const makeUp = await db.courseSession.findFirstOrThrow({ where: { courseId: created.againId } });
  course = { id: created.id, sessionId: session.id, makeUpSessionId: makeUp.id };
});

afterAll(async () => {
  await moveServerClock("reset");
  await disconnectDb();
});

const flash = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** Presses a button that posts, and waits for the flash the page shows after the redirect. */
async function press(page: Page, button: ReturnType<Page["getByRole"]>, message: string) {
  await button.click();
  await flash(page, message).first().waitFor();
  await settled(page);
}

test("C0105 files leave on a phone, D0101 approves, T0002 files it; C0105 is excused and makes it up", async () => {
  // C0105, on a phone, asks for leave from the course's notice.
  const trainee = await newPage({ viewport: { width: 390, height: 844 } });
  await login(trainee, "C0105");
  await trainee.goto(`/my-training/${course.id}`);
  await Promise.all([
    trainee.waitForURL(new RegExp(`/leave/new\\?sessionId=${course.sessionId}$`)),
    trainee.getByRole("link", { name: "请假", exact: true }).click(),
  ]);
  await trainee.getByText(TITLE).waitFor();
  await trainee.locator("select[name=reasonKind]").selectOption("ILLNESS");
  await trainee.locator("textarea[name=reasonText]").fill("发烧 38.5℃，医生建议休息两天");
  await trainee
    .locator("input[name=attachment]")
    .setInputFiles({ name: "病假条.png", mimeType: "image/png", buffer: PHOTO });
  await screenshot(trainee, "leave-phone-form");
  await press(trainee, trainee.getByRole("button", { name: "提交给部门负责人" }), "请假表已提交");
  await trainee.waitForURL(/\/leave\/[^/]+$/);
  const leaveUrl = new URL(trainee.url()).pathname;
  await trainee.getByText("待审批", { exact: true }).first().waitFor();
  await screenshot(trainee, "leave-phone-submitted");

  // D0101 finds it on the to-do list and approves.
  const head = await newPage();
  await login(head, "D0101");
  await head.goto("/home");
  await Promise.all([
    head.waitForURL((url) => url.pathname === leaveUrl),
    head.getByRole("link", { name: new RegExp(`请审批 ${traineeName} 的请假表：《${TITLE}》`) }).click(),
  ]);
  await head.getByRole("link", { name: /查看附件/ }).waitFor();
  await press(head, head.getByRole("button", { name: "批准", exact: true }), "已批准该请假");
  await head.getByText("已批准", { exact: true }).first().waitFor();

  // T0002 sees it among the approved forms to acknowledge, and acknowledges receipt.
  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto("/leave?tab=received");
  const card = clerk.locator("li", { hasText: TITLE }).filter({ hasText: traineeName });
  await card.first().waitFor();
  await press(clerk, card.getByRole("button", { name: "确认收到" }), "已确认收到该请假表");
  await expect
    .poll(() => clerk.locator("li", { hasText: TITLE }).getByRole("button", { name: "确认收到" }).count())
    .toBe(0);
  await clerk.locator("li", { hasText: TITLE }).filter({ hasText: "已批准·已备案" }).first().waitFor();
  await screenshot(clerk, "leave-clerk-received");

  // C0105's form now says approved and filed; the roster (what the marking page, the day view and the sheet read)
  // has C0105 on leave.
  await trainee.reload();
  await trainee.getByText("已批准·已备案", { exact: true }).first().waitFor();
  await trainee.getByText(/已于 .* 确认收到/).waitFor();
  const roster = await sessionRoster(course.sessionId);
  expect(roster!.rows.find((r) => r.employeeNo === "C0105")).toMatchObject({
    status: "ON_LEAVE",
    leave: { acknowledged: true },
  });

  // The printed sheet marks C0105 on leave in the signature column.
  await clerk.goto(`/courses/${course.id}/sessions/${course.sessionId}/sign-in-sheet`);
  const sheetRow = clerk.getByRole("row").filter({ hasText: traineeName });
  await sheetRow.first().waitFor();
  expect(await sheetRow.first().textContent()).toContain("请假");

  // Three days on, the session is over: C0105 owes a make-up and accepts the later session of the same item.
  await moveServerClock({ minutes: 3 * 24 * 60 });
  const later = await newPage({ viewport: { width: 390, height: 844 } });
  await login(later, "C0105");
  await later.goto("/my-make-ups");
  const missed = later.getByRole("region", { name: TITLE });
  await missed.getByText(LATER).waitFor();
  await missed.getByRole("button", { name: "选择此场次" }).first().click();
  await later.getByRole("status").filter({ hasText: "已报名补课" }).first().waitFor();
  await missed.getByTestId("make-up-enrolled").waitFor();
  await screenshot(later, "leave-make-up-enrolled-390");
  const makeUpRoster = await sessionRoster(course.makeUpSessionId);
  expect(makeUpRoster!.rows.find((r) => r.employeeNo === "C0105")).toMatchObject({
    makeUpFor: { missedSessionId: course.sessionId, courseTitle: TITLE },
  });
});
