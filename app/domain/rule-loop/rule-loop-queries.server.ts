// Reads of the rule loop: per call-script rule, the courses that taught it, the questions that test it, how
// often they were answered wrong and how often the rule was breached on action records. Every figure is one
// grouped query over the window; `people` is the department ids whose people count (null = everyone).
// A quiz question counts once scored (its attempt submitted), on the day it was answered.
import { answeredByRule, perRule } from "~/domain/rule-tally/tally-queries.server";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

import type { Window } from "./rule-loop-rules";

export type Scope = string[] | null;

const inScope = (column: Prisma.Sql, people: Scope) =>
  people ? Prisma.sql`${column} = ANY(${people}::text[])` : Prisma.sql`TRUE`;

// A course counts once approved and not cancelled.
const LIVE_COURSE = Prisma.sql`
  JOIN "Course" c ON c.id = cr."courseId"
  JOIN "Approval" ap ON ap.id = c."approvalId" AND ap.state::text = 'APPROVED'
  LEFT JOIN "CourseDelivery" cd ON cd."courseId" = c.id`;
const NOT_CANCELLED = Prisma.sql`(cd.state IS NULL OR cd.state::text <> 'CANCELLED')`;

/** Every rule with the wording in force: id, group, order, both titles and texts, red line. */
export async function ruleCatalogue() {
  const rules = await db.callRule.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      group: true,
      sortOrder: true,
      currentVersion: true,
      versions: { select: { version: true, titleZh: true, titleEn: true, textZh: true, textEn: true, redLine: true } },
    },
  });
  return rules.map(({ versions, currentVersion, ...r }) => {
    const v = versions.find((x) => x.version === currentVersion) ?? versions[0];
    return { ...r, titleZh: v.titleZh, titleEn: v.titleEn, textZh: v.textZh, textEn: v.textEn, redLine: v.redLine };
  });
}
export type CatalogueRule = Awaited<ReturnType<typeof ruleCatalogue>>[number];

type Counts = { ruleId: string; key: string; n: number; m: number };
// `key` groups the rows further (a person's department), or is '' for one row per rule.
const byKey = (grouped: boolean, column: Prisma.Sql) => (grouped ? column : Prisma.sql`''`);

/** Courses (and their sessions) teaching each rule with a session in the window, attended by people in view. */
function courseCounts(window: Window, people: Scope) {
  return db.$queryRaw<Counts[]>`
    SELECT cr."ruleId", '' AS key, COUNT(DISTINCT cr."courseId")::int AS n, COUNT(DISTINCT s.id)::int AS m
    FROM "CourseRule" cr ${LIVE_COURSE}
    JOIN "CourseSession" s ON s."courseId" = cr."courseId"
    WHERE ${NOT_CANCELLED} AND s."startsAt" >= ${window.from} AND s."startsAt" < ${window.to}
      AND (${people === null} OR EXISTS (
        SELECT 1 FROM "CourseAttendee" ca JOIN "Person" p ON p.id = ca."personId"
        WHERE ca."courseId" = cr."courseId" AND ${inScope(Prisma.sql`p."departmentId"`, people)}))
    GROUP BY cr."ruleId"`;
}

/** Active questions in the bank per rule (the bank is the company's, whatever the scope). */
function questionCounts() {
  return db.$queryRaw<Counts[]>`
    SELECT qr."ruleId", '' AS key, COUNT(*)::int AS n, 0 AS m
    FROM "QuizQuestionRule" qr JOIN "QuizQuestion" q ON q.id = qr."questionId" AND q.active
    GROUP BY qr."ruleId"`;
}

/**
 * Scored answers per rule (n) and those answered wrong (m), by the answerer's department when grouped: the
 * whole days from the tally, the part days at the window's ends from the raw answers (~/domain/rule-tally).
 */
async function answerCounts(window: Window, people: Scope, grouped: boolean, ruleId?: string): Promise<Counts[]> {
  const rows = await answeredByRule(window, people, ruleId ?? null);
  if (grouped) return rows.map((r) => ({ ruleId: r.ruleId, key: r.departmentId, n: r.n, m: r.m }));
  return [...perRule(rows)].map(([ruleId, f]) => ({ ruleId, key: "", n: f.n, m: f.m }));
}

/** Breaches refused on action records per rule (or of `ruleId` alone), by the agent's department when grouped. */
function breachCounts(window: Window, people: Scope, grouped: boolean, ruleId?: string) {
  return db.$queryRaw<Counts[]>`
    SELECT b."ruleId", ${byKey(grouped, Prisma.sql`p."departmentId"`)} AS key, COUNT(*)::int AS n, 0 AS m
    FROM "CaseRuleBreach" b JOIN "Person" p ON p.id = b."personId"
    WHERE b.at >= ${window.from} AND b.at < ${window.to} AND ${inScope(Prisma.sql`p."departmentId"`, people)}
      AND ${ruleId === undefined ? Prisma.sql`TRUE` : Prisma.sql`b."ruleId" = ${ruleId}`}
    GROUP BY 1, 2`;
}

export type Figures = {
  courses: number;
  sessions: number;
  questions: number;
  answered: number;
  wrong: number;
  breaches: number;
};
const ZERO: Figures = { courses: 0, sessions: 0, questions: 0, answered: 0, wrong: 0, breaches: 0 };

/** Each rule's figures in the window, for the people in view. */
export async function ruleFigures(window: Window, people: Scope): Promise<Map<string, Figures>> {
  const [courses, questions, answers, breaches] = await Promise.all([
    courseCounts(window, people),
    questionCounts(),
    answerCounts(window, people, false),
    breachCounts(window, people, false),
  ]);
  const out = new Map<string, Figures>();
  const at = (ruleId: string) => out.get(ruleId) ?? out.set(ruleId, { ...ZERO }).get(ruleId)!;
  for (const r of courses) Object.assign(at(r.ruleId), { courses: r.n, sessions: r.m });
  for (const r of questions) at(r.ruleId).questions = r.n;
  for (const r of answers) Object.assign(at(r.ruleId), { answered: r.n, wrong: r.m });
  for (const r of breaches) at(r.ruleId).breaches = r.n;
  return out;
}

/**
 * One rule's figures in the window for a rule's page: its answers and breaches per department of the people
 * (rolled up by the caller), and its totals. The totals' answers and breaches are the sums of those same rows
 * (ruleFigures counts the same rows ungrouped), so the year's answers and breaches are read once, not twice,
 * and for this rule alone.
 */
export async function ruleDetailFigures(ruleId: string, window: Window, people: Scope) {
  const [courses, questions, answers, breaches] = await Promise.all([
    courseCounts(window, people),
    questionCounts(),
    answerCounts(window, people, true, ruleId),
    breachCounts(window, people, true, ruleId),
  ]);
  const split = {
    answers: answers
      .filter((r) => r.ruleId === ruleId)
      .map((r) => ({ departmentId: r.key, answered: r.n, wrong: r.m })),
    breaches: breaches.filter((r) => r.ruleId === ruleId).map((r) => ({ departmentId: r.key, breaches: r.n })),
  };
  const c = courses.find((r) => r.ruleId === ruleId);
  const totals: Figures = {
    courses: c?.n ?? 0,
    sessions: c?.m ?? 0,
    questions: questions.find((r) => r.ruleId === ruleId)?.n ?? 0,
    answered: split.answers.reduce((sum, r) => sum + r.answered, 0),
    wrong: split.answers.reduce((sum, r) => sum + r.wrong, 0),
    breaches: split.breaches.reduce((sum, r) => sum + r.breaches, 0),
  };
  return { totals, split };
}

/** The live courses that taught a rule with a session in the window: first start, last end, attendees in view. */
export async function coursesTeaching(ruleId: string, window: Window, people: Scope) {
  return db.$queryRaw<
    Array<{ id: string; title: string; firstStart: Date; lastEnd: Date; sessions: number; attendees: number }>
  >`
    SELECT c.id, c.title, MIN(s."startsAt") AS "firstStart", MAX(s."endsAt") AS "lastEnd",
      COUNT(DISTINCT s.id)::int AS sessions,
      (SELECT COUNT(*)::int FROM "CourseAttendee" ca JOIN "Person" p ON p.id = ca."personId"
        WHERE ca."courseId" = c.id AND ${inScope(Prisma.sql`p."departmentId"`, people)}) AS attendees
    FROM "CourseRule" cr ${LIVE_COURSE}
    JOIN "CourseSession" s ON s."courseId" = c.id
    WHERE cr."ruleId" = ${ruleId} AND ${NOT_CANCELLED}
      AND (${people === null} OR EXISTS (
        SELECT 1 FROM "CourseAttendee" ca JOIN "Person" p ON p.id = ca."personId"
        WHERE ca."courseId" = c.id AND ${inScope(Prisma.sql`p."departmentId"`, people)}))
    GROUP BY c.id, c.title
    HAVING COUNT(*) FILTER (WHERE s."startsAt" >= ${window.from} AND s."startsAt" < ${window.to}) > 0
    ORDER BY MIN(s."startsAt")`;
}

export type CourseWindow = { courseId: string; before: Window; after: Window };
export type BeforeAfter = {
  courseId: string;
  beforeAnswered: number;
  beforeWrong: number;
  beforeBreaches: number;
  afterAnswered: number;
  afterWrong: number;
  afterBreaches: number;
};

/**
 * For each course's attendees in view: answers and breaches of the rule in the windows before and after it.
 * Each attendee's answers and breaches of the rule are read once (\`mine\`, \`breached\`) however many of the
 * courses they attended (on the bench company, 292 attendances of B3's courses are 42 people), then
 * counted into each of their courses' windows.
 */
export async function beforeAfter(ruleId: string, windows: CourseWindow[], people: Scope): Promise<BeforeAfter[]> {
  if (windows.length === 0) return [];
  const ids = windows.map((w) => w.courseId);
  const col = (pick: (w: CourseWindow) => Date) => windows.map(pick);
  return db.$queryRaw<BeforeAfter[]>`
    WITH w AS (
      SELECT * FROM unnest(${ids}::text[], ${col((w) => w.before.from)}::timestamptz[],
        ${col((w) => w.before.to)}::timestamptz[], ${col((w) => w.after.from)}::timestamptz[],
        ${col((w) => w.after.to)}::timestamptz[]) AS w("courseId", bf, bt, af, at_)
    ), att AS MATERIALIZED (
      SELECT w.*, ca."personId" FROM w
      JOIN "CourseAttendee" ca ON ca."courseId" = w."courseId"
      JOIN "Person" p ON p.id = ca."personId"
      WHERE ${inScope(Prisma.sql`p."departmentId"`, people)}
    ), mine AS MATERIALIZED (
      SELECT a."personId", x."answeredAt", x.correct
      FROM (SELECT DISTINCT "personId" FROM att) who
      JOIN "QuizAttempt" a ON a."personId" = who."personId"
      JOIN "QuizAttemptQuestion" x ON x."attemptId" = a.id
      WHERE x.correct IS NOT NULL AND ${ruleId} = ANY(x."ruleIds")
    ), breached AS MATERIALIZED (
      SELECT br."personId", br.at
      FROM (SELECT DISTINCT "personId" FROM att) who
      JOIN "CaseRuleBreach" br ON br."personId" = who."personId" AND br."ruleId" = ${ruleId}
    ), q AS (
      SELECT att."courseId",
        COUNT(*) FILTER (WHERE x."answeredAt" >= att.bf AND x."answeredAt" < att.bt) AS ba,
        COUNT(*) FILTER (WHERE x."answeredAt" >= att.bf AND x."answeredAt" < att.bt AND NOT x.correct) AS bw,
        COUNT(*) FILTER (WHERE x."answeredAt" >= att.af AND x."answeredAt" < att.at_) AS aa,
        COUNT(*) FILTER (WHERE x."answeredAt" >= att.af AND x."answeredAt" < att.at_ AND NOT x.correct) AS aw
      FROM att JOIN mine x ON x."personId" = att."personId"
      GROUP BY att."courseId"
    ), b AS (
      SELECT att."courseId",
        COUNT(*) FILTER (WHERE br.at >= att.bf AND br.at < att.bt) AS bb,
        COUNT(*) FILTER (WHERE br.at >= att.af AND br.at < att.at_) AS ab
      FROM att JOIN breached br ON br."personId" = att."personId"
      GROUP BY att."courseId"
    )
    SELECT w."courseId",
      COALESCE(q.ba, 0)::int AS "beforeAnswered", COALESCE(q.bw, 0)::int AS "beforeWrong",
      COALESCE(b.bb, 0)::int AS "beforeBreaches",
      COALESCE(q.aa, 0)::int AS "afterAnswered", COALESCE(q.aw, 0)::int AS "afterWrong",
      COALESCE(b.ab, 0)::int AS "afterBreaches"
    FROM w LEFT JOIN q ON q."courseId" = w."courseId" LEFT JOIN b ON b."courseId" = w."courseId"`;
}

/** The people in view who answered the rule wrong or breached it in the window, by name. */
export async function peopleConcerned(ruleId: string, window: Window, people: Scope) {
  return db.$queryRaw<Array<{ id: string; employeeNo: string; name: string }>>`
    SELECT p.id, p."employeeNo", p.name FROM "Person" p
    WHERE ${inScope(Prisma.sql`p."departmentId"`, people)} AND p.status::text <> 'LEFT' AND (
      EXISTS (SELECT 1 FROM "QuizAttemptQuestion" x JOIN "QuizAttempt" a ON a.id = x."attemptId"
        WHERE a."personId" = p.id AND x.correct = false AND ${ruleId} = ANY(x."ruleIds")
          AND x."answeredAt" >= ${window.from} AND x."answeredAt" < ${window.to})
      OR EXISTS (SELECT 1 FROM "CaseRuleBreach" b WHERE b."personId" = p.id AND b."ruleId" = ${ruleId}
          AND b.at >= ${window.from} AND b.at < ${window.to}))
    ORDER BY p."employeeNo"`;
}
