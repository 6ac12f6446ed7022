// Sign-in by rotating QR code, end to end in two windows: the clerk's projector screen (desktop) and a
// trainee's phone (390×844). The trainee opens the code's address and appears on the projector without anyone
// reloading it; a code older than its window is refused with a clear message; a trainee not logged in goes through the
// login page and lands back signed in.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { db, disconnectDb } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { DEMO_PASSWORD, login, moveServerClock, newPage, screenshot, serverNow } from "./harness";

const TITLE = "催收合规专题复训（扫码签到浏览器测试）";
// Agents no other browser test signs in as.
const TRAINEES = ["C0112", "C0113", "C0114"];
const PHONE = { width: 390, height: 844 };

let sessionId: string;
const names = new Map<string, string>();

beforeAll(async () => {
  // A session starting ten minutes after the server's now: its sign-in window (from 30 minutes before) is open.
  const at = await serverNow();
  const startsAt = new Date(Math.ceil((at.getTime() + 10 * 60_000) / 60_000) * 60_000);
  const people = await db.person.findMany({
    where: { employeeNo: { in: [...TRAINEES, "T0002", "T0001", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  for (const no of TRAINEES) names.set(no, who(no).name);
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const course = await db.$transaction((tx) =>
    makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title: TITLE,
      lecturerId: who("T0003").id,
      attendeeIds: TRAINEES.map((no) => who(no).id),
      sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), location: "培训室 B201" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 2 * 3_600_000),
      approvedAt: new Date(at.getTime() - 3_600_000),
    }),
  );
  sessionId = (await db.courseSession.findFirstOrThrow({ where: { courseId: course.id } })).id;
});

afterAll(async () => {
  await moveServerClock("reset");
  await disconnectDb();
});

/** The address the projector's QR code carries now (read from the page, not decoded from the image). */
const codeUrlOf = (projector: Page) => projector.locator("figure[data-sign-in-url]").getAttribute("data-sign-in-url");

test("a trainee scans the projector's code, is signed in and appears on the projector without a reload", async () => {
  const projector = await newPage();
  await login(projector, "T0002");
  await projector.goto(`/sessions/${sessionId}/projector`);
  await projector.getByRole("heading", { name: TITLE }).waitFor();
  await projector.getByTestId("signed-in-count").filter({ hasText: /^0$/ }).waitFor();

  // The phone of C0112, logged in already, scans the code showing now: its address opens.
  const phone = await newPage({ viewport: PHONE });
  await login(phone, "C0112");
  const firstUrl = (await codeUrlOf(projector))!;
  expect(new URL(firstUrl).pathname).toBe(`/sessions/${sessionId}/sign-in`);
  await phone.goto(firstUrl);
  await phone.getByRole("status").getByText("签到成功").waitFor();
  expect(new URL(phone.url()).search).toBe("?done=1");

  // The projector polls (every second): the name and the count show without anyone reloading it. How soon is
  // not timed here: a stopwatch fails on a busy machine and proves nothing a poll count would not.
  await projector.getByTestId("arrivals").getByText(names.get("C0112")!).waitFor();
  await projector.getByTestId("signed-in-count").filter({ hasText: /^1$/ }).waitFor();
  await screenshot(projector, "sign-in-projector");
  await screenshot(phone, "sign-in-phone-success");

  // A second scan says when they signed in.
  await phone.goto((await codeUrlOf(projector))!);
  await phone
    .getByText(/您已于 \d\d:\d\d 签到/)
    .first()
    .waitFor();

  // A code older than its window (and its few seconds' grace) is refused with a clear message.
  await moveServerClock({ minutes: 1 });
  const late = await newPage({ viewport: PHONE });
  await login(late, "C0113");
  await late.goto(firstUrl);
  await late.getByRole("alert").getByText("二维码已过期，请重新扫描投影屏幕上当前显示的二维码。").waitFor();
  await late.getByText("本次未记录签到。").waitFor();
  await screenshot(late, "sign-in-phone-expired");
  expect(await db.attendance.count({ where: { sessionId, person: { employeeNo: "C0113" } } })).toBe(0);
  // The projector has moved on to a new code meanwhile.
  await expect.poll(() => codeUrlOf(projector), { timeout: 5_000 }).not.toBe(firstUrl);
});

test("a trainee not logged in goes through the login page and lands back signed in", async () => {
  const projector = await newPage();
  await login(projector, "T0002");
  await projector.goto(`/sessions/${sessionId}/projector`);
  const url = (await codeUrlOf(projector))!;
  const phone = await newPage({ viewport: PHONE });
  await phone.goto(url);
  await phone.waitForURL(/\/login\?/);
  await phone.locator('input[name="employeeNo"]').fill("C0114");
  await phone.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await phone.locator('input[name="password"]').press("Enter");
  await phone.getByRole("status").getByText("签到成功").waitFor();
  await projector.getByTestId("arrivals").getByText(names.get("C0114")!).waitFor({ timeout: 2_000 });
});
