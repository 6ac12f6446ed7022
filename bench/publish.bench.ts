// Publishing a course to 500 attendees (step 009), over HTTP against the production build: how long the
// clerk waits for the page to answer, and how long until every attendee's mail (with its invite) has
// reached an SMTP server on loopback (smtp-server, counting only). The app server delivers with its own
// mail worker (pg-boss + nodemailer), exactly as in production with SMTP_URL set.
// Targets: the clerk's answer < 1 s; all 500 mails delivered < 60 s.
import { sessionInterval } from "../app/domain/course/course-rules";
import { startPreparation } from "../app/domain/delivery/start-preparation.server";
import { now } from "../app/utils/clock.server";
import { companyDate } from "../app/utils/company-calendar";
import { db } from "../app/utils/db.server";
import { createSession, sessionCookieHeader } from "../app/utils/session.server";
import { makeApprovedCourse } from "../prisma/seed/course-factories";
import { seedDemo } from "../prisma/seed/demo";
import { startSmtpInbox } from "../tests/support/smtp-inbox";

import type { Bench } from "./run";
import { startBenchServer } from "./support/bench-server";

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 500);
const ZONE = "Asia/Shanghai";

type Seeded = { courseId: string; warmUpCourseId: string; cookie: string };

async function seedPublishBench(): Promise<Seeded> {
  await seedDemo();
  const at = now();
  const team = await db.department.findUniqueOrThrow({ where: { code: "COL1-1" }, select: { id: true } });
  const people = await db.person.createManyAndReturn({
    data: Array.from({ length: ATTENDEES }, (_, i) => ({
      employeeNo: `P${String(i + 1).padStart(4, "0")}`,
      name: `学员${i + 1}`,
      departmentId: team.id,
      post: "催收员",
      email: `p${String(i + 1).padStart(4, "0")}@jyxh.example.com`,
      mustChangePassword: false,
    })),
    select: { id: true },
  });
  const who = (no: string) =>
    db.person.findUniqueOrThrow({ where: { employeeNo: no }, select: { id: true, employeeNo: true, name: true } });
  const [clerk, manager, lecturer] = await Promise.all([who("T0002"), who("T0001"), who("T0003")]);
  const item = await db.monthlyPlanItem.findFirstOrThrow({
    where: { plan: { approval: { state: "APPROVED" } } },
    orderBy: [{ plan: { year: "desc" } }, { plan: { month: "desc" } }],
    select: { id: true },
  });
  const day = companyDate(new Date(at.getTime() + 3 * 86_400_000), ZONE);
  const date = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  const approvedCourse = (title: string, attendeeIds: string[]) =>
    db.$transaction(async (tx) => {
      const c = await makeApprovedCourse(tx, {
        monthlyItemId: item.id,
        title,
        lecturerId: lecturer.id,
        attendeeIds,
        sessions: [{ ...sessionInterval(date, "14:00", "17:00", ZONE), location: "多功能厅" }],
        clerk,
        manager,
        submittedAt: new Date(at.getTime() - 7_200_000),
        approvedAt: new Date(at.getTime() - 3_600_000),
        capacity: attendeeIds.length,
      });
      await startPreparation(tx, c.id);
      await tx.preparationItem.updateMany({
        where: { courseId: c.id },
        data: { doneAt: at, doneById: clerk.id, doneByName: clerk.name },
      });
      return c;
    });
  // A server that has been running a while has published before: a small course first, so that the
  // figure is the publishing, not the first run of its code.
  const warmUp = await approvedCourse(
    "话术规范小组辅导（预热）",
    people.slice(0, 5).map((p) => p.id),
  );
  const course = await approvedCourse(
    "新版话术规范全员宣贯（压测）",
    people.map((p) => p.id),
  );
  const token = await db.$transaction((tx) => createSession(tx, clerk.id));
  const cookie = (await sessionCookieHeader(new Request("http://localhost/"), token)).split(";")[0];
  return { courseId: course.id, warmUpCourseId: warmUp.id, cookie };
}

const run: Bench = async () => {
  const inbox = await startSmtpInbox(0, { parse: false });
  process.env.SMTP_URL = `smtp://127.0.0.1:${inbox.port}`;
  let seeded: Seeded | undefined;
  const server = await startBenchServer(async () => {
    seeded = await seedPublishBench();
  });
  try {
    const { courseId, warmUpCourseId, cookie } = seeded!;
    const [baseURL] = server.baseURLs;
    const publish = (id: string) =>
      fetch(`${baseURL}/courses/${id}/notices`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "publish", version: "0" }),
      });
    if ((await publish(warmUpCourseId)).status !== 302) throw new Error("the warm-up course was not published");
    // What the clerk does first: opens the notices page and its confirmation step (this also warms the server).
    for (const query of ["", "?confirm=publish"]) {
      const page = await fetch(`${baseURL}/courses/${courseId}/notices${query}`, { headers: { Cookie: cookie } });
      if (page.status !== 200) throw new Error(`the notices page answered ${page.status}`);
      await page.text();
    }
    const t0 = performance.now();
    const response = await publish(courseId);
    const answeredMs = performance.now() - t0;
    if (response.status !== 302) throw new Error(`publish answered ${response.status}: ${await response.text()}`);
    // Polling a counter in the bench process (not a test): every 50 ms until all have arrived.
    const deadline = Date.now() + 120_000;
    const expected = ATTENDEES + 5; // the warm-up course's mails too
    while (inbox.count() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const deliveredMs = performance.now() - t0;
    const delivered = inbox.count() - 5;
    const [ms, s] = [answeredMs.toFixed(0), (deliveredMs / 1000).toFixed(1)];
    return {
      name: "publish",
      lines: [
        `publish a course to ${ATTENDEES} attendees: the clerk's answer in ${ms} ms (HTTP ${response.status})`,
        `mails received by the SMTP server: ${delivered}/${ATTENDEES}, the last ${s} s after the click`,
      ],
      targets: [
        { label: `publishing answers the clerk in < 1 s (${ms} ms)`, met: answeredMs < 1000 },
        {
          label: `all ${ATTENDEES} mails reach the SMTP server in < 60 s (${delivered} in ${s} s)`,
          met: delivered >= ATTENDEES && deliveredMs < 60_000,
        },
      ],
    };
  } finally {
    await server.stop();
    await inbox.close();
  }
};

export default run;
