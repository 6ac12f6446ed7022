// The reads of one person's training file, one statement per section with its joins (plain SQL, see
// docs/conventions.md): through Prisma each nested relation (a make-up's two sessions and their courses, a
// leave's approval, session and course …) was a statement of its own, ~25 per view of the file.
// Timestamps: the `timestamptz` columns come back as Dates; `QuizAttempt.submittedAt` is a `timestamp` that
// Prisma writes in UTC, so it is read `AT TIME ZONE 'UTC'`. `hireDate` is a `date`, read as its text.
import type {
  ApprovalState,
  AssessmentResult,
  AttemptMode,
  LeaveReason,
  PersonStatus,
  TrainingCategory,
  TrainingOutcome,
} from "~/generated/prisma/enums";
import { sql } from "~/utils/sql.server";

export type FilePerson = {
  id: string;
  employeeNo: string;
  name: string;
  post: string;
  phone: string | null;
  hireDate: string | null;
  status: PersonStatus;
  disabled: boolean;
  department: string;
};

export async function readPerson(personId: string): Promise<FilePerson | null> {
  const [person] = await sql<FilePerson>(
    `SELECT p.id, p."employeeNo", p.name, p.post, p.phone, to_char(p."hireDate", 'YYYY-MM-DD') AS "hireDate",
            p.status::text AS status, p."disabledAt" IS NOT NULL AS disabled, d.name AS department
       FROM "Person" p JOIN "Department" d ON d.id = p."departmentId"
      WHERE p.id = $1`,
    [personId],
  );
  return person ?? null;
}

export type FileRecord = {
  id: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  category: TrainingCategory;
  lecturerName: string;
  startsAt: Date;
  endsAt: Date;
  outcome: TrainingOutcome;
  minutes: number;
  makeUpOwed: boolean;
  makeUpForSessionId: string | null;
  quizScorePercent: number | null;
  quizPassed: boolean | null;
};

export function readRecords(personId: string): Promise<FileRecord[]> {
  return sql<FileRecord>(
    `SELECT id, "sessionId", "courseId", "courseTitle", category::text AS category, "lecturerName", "startsAt",
            "endsAt", outcome::text AS outcome, minutes, "makeUpOwed", "makeUpForSessionId", "quizScorePercent",
            "quizPassed"
       FROM "TrainingRecord" WHERE "personId" = $1
      ORDER BY "startsAt"`,
    [personId],
  );
}

export type FileAmendment = {
  recordId: string;
  id: string;
  byId: string;
  at: Date;
  reason: string;
  fromOutcome: TrainingOutcome;
  toOutcome: TrainingOutcome;
  fromMinutes: number;
  toMinutes: number;
  byName: string;
};

/** Every amendment of the person's records, oldest first per record, with the name of who made it. */
export function readAmendments(personId: string): Promise<FileAmendment[]> {
  return sql<FileAmendment>(
    `SELECT a."recordId", a.id, a."byId", a.at, a.reason, a."fromOutcome"::text AS "fromOutcome",
            a."toOutcome"::text AS "toOutcome", a."fromMinutes", a."toMinutes", COALESCE(b.name, '') AS "byName"
       FROM "TrainingRecord" r
       JOIN "TrainingRecordAmendment" a ON a."recordId" = r.id
       LEFT JOIN "Person" b ON b.id = a."byId"
      WHERE r."personId" = $1
      ORDER BY a."recordId", a.at, a.id`,
    [personId],
  );
}

export type FileMakeUp = {
  id: string;
  missedSessionId: string;
  sessionId: string;
  missedTitle: string;
  missedStartsAt: Date;
  title: string;
  startsAt: Date;
  acceptedAt: Date;
};

export function readMakeUps(personId: string): Promise<FileMakeUp[]> {
  return sql<FileMakeUp>(
    `SELECT m.id, m."missedSessionId", m."sessionId", mc.title AS "missedTitle", ms."startsAt" AS "missedStartsAt",
            c.title, s."startsAt", m."acceptedAt"
       FROM "MakeUp" m
       JOIN "CourseSession" ms ON ms.id = m."missedSessionId"
       JOIN "Course" mc ON mc.id = ms."courseId"
       JOIN "CourseSession" s ON s.id = m."sessionId"
       JOIN "Course" c ON c.id = s."courseId"
      WHERE m."personId" = $1
      ORDER BY m."acceptedAt"`,
    [personId],
  );
}

export type FileLeave = {
  id: string;
  courseTitle: string;
  sessionStartsAt: Date;
  reasonKind: LeaveReason;
  reasonText: string;
  filedAt: Date;
  state: ApprovalState;
  acknowledged: boolean;
};

/** The forms, never their attachments' bytes. */
export function readLeaves(personId: string): Promise<FileLeave[]> {
  return sql<FileLeave>(
    `SELECT l.id, c.title AS "courseTitle", s."startsAt" AS "sessionStartsAt", l."reasonKind"::text AS "reasonKind",
            l."reasonText", l."createdAt" AS "filedAt", a.state::text AS state,
            l."acknowledgedAt" IS NOT NULL AS acknowledged
       FROM "LeaveRequest" l
       JOIN "Approval" a ON a.id = l."approvalId"
       JOIN "CourseSession" s ON s.id = l."sessionId"
       JOIN "Course" c ON c.id = s."courseId"
      WHERE l."personId" = $1
      ORDER BY l."createdAt"`,
    [personId],
  );
}

export type FileAttempt = {
  id: string;
  mode: AttemptMode;
  submittedAt: Date | null;
  scorePercent: number | null;
  passPercent: number;
  passed: boolean | null;
  quizTitle: string;
  quizTitleEn: string;
};

/** The latest `limit` handed-in attempts (all when no limit) and how many there are in all, in one statement. */
export async function readAttempts(
  personId: string,
  limit: number | undefined,
): Promise<{ rows: FileAttempt[]; count: number }> {
  const rows = await sql<FileAttempt & { total: string }>(
    `SELECT t.id, t.mode::text AS mode, t."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", t."scorePercent",
            t."passPercent", t.passed, q.title AS "quizTitle", q."titleEn" AS "quizTitleEn", count(*) OVER () AS total
       FROM "QuizAttempt" t JOIN "Quiz" q ON q.id = t."quizId"
      WHERE t."personId" = $1 AND t.status = 'SUBMITTED'
      ORDER BY t."submittedAt" DESC, t.id DESC
      LIMIT $2`,
    [personId, limit ?? null],
  );
  return { rows: rows.map(({ total: _, ...row }) => row), count: rows.length ? Number(rows[0]!.total) : 0 };
}

export type FileAssessment = {
  id: string;
  result: AssessmentResult;
  attendanceScore: number;
  quizScore: number;
  practiceScore: number;
  attitudeScore: number;
  assessorName: string;
  assessedAt: Date;
  courseTitle: string | null;
  approvalState: ApprovalState;
};

export function readAssessments(personId: string): Promise<FileAssessment[]> {
  return sql<FileAssessment>(
    `SELECT j.id, j.result::text AS result, j."attendanceScore", j."quizScore", j."practiceScore",
            j."attitudeScore", COALESCE(b.name, '') AS "assessorName", j."assessedAt", c.title AS "courseTitle",
            a.state::text AS "approvalState"
       FROM "PreJobAssessment" j
       JOIN "Approval" a ON a.id = j."approvalId"
       LEFT JOIN "Course" c ON c.id = j."courseId"
       LEFT JOIN "Person" b ON b.id = j."assessorId"
      WHERE j."personId" = $1
      ORDER BY j."assessedAt"`,
    [personId],
  );
}
