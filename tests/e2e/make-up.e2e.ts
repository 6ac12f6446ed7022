// A trainee who missed a session chooses a make-up on a phone-sized page; the clerk sees the booking.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";

import { offerMakeUp } from "~/domain/attendance/make-up-offer.server";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { db, disconnectDb } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";

import { login, newPage, screenshot, serverNow } from "./harness";

const MISSED = "催收合规沟通专题（补课浏览器测试）";
const MAKE_UP = "催收合规沟通专题·二期（补课浏览器测试）";
const HOUR = 3_600_000;

let fixture: { missedCourseId: string; makeUpSessionId: string };

beforeAll(async () => {
  // C0105 missed (absent) a session that ended two days before the server's now; another course of the
  // same monthly-plan item, for C02 agents, meets three days ahead with seats free.
  const at = await serverNow();
  const people = await db.person.findMany({
    where: { employeeNo: { in: ["C0105", "C0203", "C0204", "T0001", "T0002", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const plan = await db.monthlyPlan.findFirstOrThrow({
    where: { approval: { state: "APPROVED" } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { id: true },
  });
  fixture = await db.$transaction(async (tx) => {
    const item = await tx.monthlyPlanItem.create({
      data: {
        planId: plan.id,
        title: "催收合规沟通专题",
        category: "INTERNAL",
        targetPeople: "催收员",
        headcount: 10,
        sessions: 2,
        budgetFen: 0,
      },
    });
    const base = {
      monthlyItemId: item.id,
      lecturerId: who("T0003").id,
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(at.getTime() - 20 * 24 * HOUR),
      approvedAt: new Date(at.getTime() - 19 * 24 * HOUR),
    };
    const missed = await makeApprovedCourse(tx, {
      ...base,
      title: MISSED,
      attendeeIds: [who("C0105").id],
      sessions: [
        {
          startsAt: new Date(at.getTime() - 48 * HOUR),
          endsAt: new Date(at.getTime() - 45 * HOUR),
          location: "培训室 A301",
        },
      ],
    });
    const later = await makeApprovedCourse(tx, {
      ...base,
      title: MAKE_UP,
      attendeeIds: [who("C0203").id, who("C0204").id],
      sessions: [
        {
          startsAt: new Date(at.getTime() + 72 * HOUR),
          endsAt: new Date(at.getTime() + 75 * HOUR),
          location: "培训室 B202",
        },
      ],
    });
    await startPreparation(tx, missed.id);
    await startPreparation(tx, later.id);
    const missedSession = await tx.courseSession.findFirstOrThrow({ where: { courseId: missed.id } });
    await tx.attendance.create({
      data: {
        sessionId: missedSession.id,
        personId: who("C0105").id,
        mark: "ABSENT",
        source: "CLERK",
        at: missedSession.endsAt,
        markedById: who("T0002").id,
      },
    });
    await offerMakeUp(tx, { personId: who("C0105").id, missedSessionId: missedSession.id });
    const makeUpSession = await tx.courseSession.findFirstOrThrow({ where: { courseId: later.id } });
    return { missedCourseId: missed.id, makeUpSessionId: makeUpSession.id };
  });
});

afterAll(disconnectDb);

const card = (page: Page) => page.getByRole("region", { name: MISSED });

test("C0105 accepts the offered make-up on a phone; the clerk sees the booking", async () => {
  const phone = await newPage({ viewport: { width: 390, height: 844 } });
  await login(phone, "C0105");
  await phone.goto("/my-make-ups");
  await card(phone).getByText("待补课").waitFor();
  await card(phone).getByText(MAKE_UP).waitFor();
  await screenshot(phone, "make-up-offered-390");
  await card(phone).getByRole("button", { name: "选择此场次" }).first().click();
  await phone.getByRole("status").filter({ hasText: "已报名补课" }).first().waitFor();
  const enrolled = card(phone).getByTestId("make-up-enrolled");
  await enrolled.waitFor();
  expect(await enrolled.textContent()).toContain("培训室 B202");
  expect(await card(phone).getByText("已安排补课").count()).toBeGreaterThan(0);
  await screenshot(phone, "make-up-enrolled-390");

  const made = await db.makeUp.findMany({ where: { missedSession: { courseId: fixture.missedCourseId } } });
  expect(made.map((m) => m.sessionId)).toEqual([fixture.makeUpSessionId]);

  const clerk = await newPage();
  await login(clerk, "T0002");
  await clerk.goto(`/make-ups?view=enrolled&courseId=${fixture.missedCourseId}`);
  const row = clerk.getByRole("row").filter({ hasText: "C0105" });
  await row.waitFor();
  expect(await row.textContent()).toContain(MAKE_UP);
  await screenshot(clerk, "make-up-clerk-list");
});
