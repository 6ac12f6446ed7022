// A course of the tests' own for sign-in: one session the day after the demo's instant, 09:00–11:30, with
// C0101–C0105 attending; the clock is frozen where a test needs it (a few minutes before the start by default).
import { signInSecret } from "~/domain/attendance/sign-in-secret.server";
import { CODE_WINDOW_MS, signInCode } from "~/domain/attendance/sign-in-token";
import { sessionInterval } from "~/domain/course/course-rules";
import { startPreparation } from "~/domain/delivery/start-preparation.server";
import { loader as signInLoader } from "~/routes/_app.sessions.$sessionId.sign-in";
import { freezeClock } from "~/utils/clock.server";
import { companyDate } from "~/utils/company-calendar";
import { db } from "~/utils/db.server";

import { makeApprovedCourse } from "../../prisma/seed/course-factories";
import { DEMO_ZONE } from "../../prisma/seed/demo-calendar";

import { cookieFor, DEMO_AT, outcome, requestAs } from "./support";

export const ATTENDEES = ["C0101", "C0102", "C0103", "C0104", "C0105"];
export const OFFICE = "10.8.1.20";

export type SignInFixture = { courseId: string; sessionId: string; startsAt: Date; endsAt: Date };

export async function signInCourse(title = "催收合规专题复训（签到测试）"): Promise<SignInFixture> {
  const d = companyDate(new Date(DEMO_AT.getTime() + 86_400_000), DEMO_ZONE);
  const day = `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  const { startsAt, endsAt } = sessionInterval(day, "09:00", "11:30", DEMO_ZONE);
  const people = await db.person.findMany({
    where: { employeeNo: { in: [...ATTENDEES, "T0001", "T0002", "T0003"] } },
    select: { id: true, employeeNo: true, name: true },
  });
  const who = (no: string) => people.find((p) => p.employeeNo === no)!;
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const course = await db.$transaction(async (tx) => {
    const c = await makeApprovedCourse(tx, {
      monthlyItemId: item.id,
      title,
      lecturerId: who("T0003").id,
      attendeeIds: ATTENDEES.map((no) => who(no).id),
      sessions: [{ startsAt, endsAt, location: "培训室 A302" }],
      clerk: who("T0002"),
      manager: who("T0001"),
      submittedAt: new Date(DEMO_AT.getTime() - 7_200_000),
      approvedAt: new Date(DEMO_AT.getTime() - 3_600_000),
    });
    await startPreparation(tx, c.id);
    return c;
  });
  const session = await db.courseSession.findFirstOrThrow({ where: { courseId: course.id } });
  return { courseId: course.id, sessionId: session.id, startsAt, endsAt };
}

/** Freezes the clock `minutes` after the session's start, 2 s into a code window (so offsets read plainly). */
export function clockAt(fixture: SignInFixture, minutes: number): Date {
  const rough = fixture.startsAt.getTime() + minutes * 60_000;
  const at = new Date(Math.floor(rough / CODE_WINDOW_MS) * CODE_WINDOW_MS + 2_000);
  freezeClock(at);
  return at;
}

/** The projector's code at `at`. */
export async function codeAt(sessionId: string, at: Date) {
  return signInCode(await signInSecret(), sessionId, at);
}

/** Opens the trainee's sign-in page as `who` (a demo number, a cookie, or null for nobody logged in). */
export async function openSignIn(
  who: string | null,
  sessionId: string,
  query: Record<string, string> = {},
  address = OFFICE,
) {
  const cookie = who === null ? null : who.includes("=") ? who : await cookieFor(who);
  const qs = new URLSearchParams(query).toString();
  const request = requestAs(cookie, `/sessions/${sessionId}/sign-in${qs ? `?${qs}` : ""}`);
  return outcome(() =>
    signInLoader({ request, params: { sessionId }, context: { cspNonce: "", clientAddress: address } }),
  );
}

export async function attendanceOf(sessionId: string) {
  return db.attendance.findMany({
    where: { sessionId },
    select: { mark: true, source: true, at: true, person: { select: { employeeNo: true } } },
    orderBy: { at: "asc" },
  });
}
