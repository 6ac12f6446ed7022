// The demo's course evaluations: about seven in ten attendees who were asked have answered, a day or two
// after the invitation (never after `at`), mostly satisfied, a few lukewarm, rarely unhappy, and some left
// a comment. Their to-dos are closed. Deterministic: everything follows from the invitations' order.
// Generic: it answers whatever invitations the seeds before it opened (closing rosters opens them).
import { lecturerNameOf } from "../../app/domain/evaluation/evaluation-rules";
import type { Tx } from "../../app/utils/db.server";

import { HOUR, seededRandom } from "./history-time";

/** Mostly 4–5, some 3, rarely 2; a course's own lean moves it a little. */
function score(random: () => number, lean: number): number {
  const r = random() + lean;
  if (r > 0.55) return 5;
  if (r > 0.14) return 4;
  if (r > 0.03) return 3;
  return 2;
}

const PRAISE = [
  "案例贴近实际工作，学完就能用上。",
  "讲师讲解清楚，录音复盘环节很有收获。",
  "课堂互动多，不枯燥。",
  "话术要点总结得很到位，建议把讲义发给大家。",
  "对处理投诉很有帮助，希望以后多安排类似培训。",
  "节奏合适，时间安排紧凑。",
];
const SUGGEST = [
  "培训室空调有点冷，建议调一下温度。",
  "希望多一些实战演练的时间。",
  "内容偏多，部分案例讲得比较快。",
  "投影有些看不清，后排听得不太清楚。",
  "建议安排在下午，上午案件比较集中。",
];

export async function seedEvaluations(tx: Tx, at: Date): Promise<void> {
  const invites = await tx.courseSurveyInvite.findMany({
    where: { answeredAt: null, invitedAt: { lte: at } },
    orderBy: [{ invitedAt: "asc" }, { courseId: "asc" }, { person: { employeeNo: "asc" } }],
    select: { courseId: true, personId: true, invitedAt: true, person: { select: { employeeNo: true } } },
  });
  if (invites.length === 0) return;
  const courses = await tx.course.findMany({
    where: { id: { in: [...new Set(invites.map((i) => i.courseId))] } },
    select: {
      id: true,
      lecturerKind: true,
      lecturer: { select: { name: true } },
      externalLecturer: true,
      externalOrg: true,
    },
  });
  const lecturerOf = new Map(courses.map((c) => [c.id, lecturerNameOf(c)]));
  const courseIndex = new Map(courses.map((c, i) => [c.id, i]));
  // C0101, the agent of the demo's stories, keeps the latest invitation open to answer on screen.
  const keepOpen = [...invites].reverse().find((i) => i.person.employeeNo === "C0101");
  const random = seededRandom(20_261_204);
  const answered: Array<(typeof invites)[number] & { answeredAt: Date }> = [];
  for (const [i, invite] of invites.entries()) {
    // Three in every ten stay unanswered, spread evenly (i·3 mod 10 runs through every residue).
    const skip = (i * 3) % 10 >= 7;
    // A day or two later, in office hours' spread; never later than the seed's day.
    const delay = (18 + Math.floor(random() * 30)) * HOUR;
    const answeredAt = new Date(Math.min(invite.invitedAt.getTime() + delay, at.getTime()));
    if (skip || invite === keepOpen || answeredAt.getTime() - invite.invitedAt.getTime() < HOUR) continue;
    answered.push({ ...invite, answeredAt });
  }
  await tx.courseEvaluation.createMany({
    data: answered.map((a, n) => {
      // Each course has its own lean: most were well liked, one in four a little less.
      const lean = (courseIndex.get(a.courseId) ?? 0) % 4 === 3 ? -0.12 : 0.04;
      const scores = {
        courseScore: score(random, lean),
        lecturerScore: score(random, lean + 0.05),
        venueScore: score(random, lean - 0.1),
        usefulnessScore: score(random, lean),
      };
      const low = Math.min(...Object.values(scores)) <= 3;
      const comment = n % 4 === 1 ? (low ? SUGGEST : PRAISE)[n % (low ? SUGGEST.length : PRAISE.length)] : "";
      return {
        courseId: a.courseId,
        personId: a.personId,
        lecturerName: lecturerOf.get(a.courseId) ?? "",
        ...scores,
        comment,
        submittedAt: a.answeredAt,
      };
    }),
  });
  // Two statements, not two per answer: a closed year may hold thousands of invitations.
  const courseIds = answered.map((a) => a.courseId);
  const personIds = answered.map((a) => a.personId);
  const times = answered.map((a) => a.answeredAt.toISOString());
  await tx.$executeRaw`
    UPDATE "CourseSurveyInvite" AS i SET "answeredAt" = v.at::timestamptz
    FROM unnest(${courseIds}::text[], ${personIds}::text[], ${times}::text[]) AS v(course, person, at)
    WHERE i."courseId" = v.course AND i."personId" = v.person`;
  await tx.$executeRaw`
    UPDATE "TodoItem" AS t SET "doneAt" = v.at::timestamptz
    FROM unnest(${courseIds}::text[], ${personIds}::text[], ${times}::text[]) AS v(course, person, at)
    WHERE t."sourceType" = 'CourseSurvey' AND t."sourceId" = v.course AND t."personId" = v.person
      AND t."doneAt" IS NULL`;
  // Nobody keeps a year of unanswered survey reminders: those not answered within two weeks were put away
  // (the invitation stays, unanswered, and counts against the response rate).
  await tx.$executeRaw`
    UPDATE "TodoItem" AS t SET "doneAt" = i."invitedAt" + interval '14 days'
    FROM "CourseSurveyInvite" AS i
    WHERE t."sourceType" = 'CourseSurvey' AND t."sourceId" = i."courseId" AND t."personId" = i."personId"
      AND t."doneAt" IS NULL AND i."answeredAt" IS NULL
      AND i."invitedAt" < ${new Date(at.getTime() - 14 * 24 * HOUR)}`;
}
