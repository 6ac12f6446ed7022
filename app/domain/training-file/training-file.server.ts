// One person's training file (培训档案) as the page, the print and the workbook show it: who they are,
// hours per company year, every training record with its amendments, the case-work certification (the
// same read as the certification board), quiz attempts, leave forms, make-ups and pre-job assessments.
// A fixed number of queries, whatever the length of the file.
import { certificationsFor } from "~/domain/certification/certification-queries.server";
import { db } from "~/utils/db.server";
import { maskPhone } from "~/utils/mask";

import { groupByYear, hoursOf, hoursPerYear, makeUpState } from "./training-file-rules";

/** `latestAttempts`: the page shows only the latest quiz attempts (an agent takes hundreds over the years) and
 * says how many there are; the print and the export take them all. */
export async function trainingFile(personId: string, timeZone: string, options: { latestAttempts?: number } = {}) {
  const person = await db.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      post: true,
      phone: true,
      hireDate: true,
      status: true,
      disabledAt: true,
      department: { select: { name: true } },
    },
  });
  if (!person) return null;
  const [records, makeUps, leaves, attempts, attemptCount, assessments, certs] = await Promise.all([
    db.trainingRecord.findMany({
      where: { personId },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        sessionId: true,
        courseId: true,
        courseTitle: true,
        category: true,
        lecturerName: true,
        startsAt: true,
        endsAt: true,
        outcome: true,
        minutes: true,
        makeUpOwed: true,
        makeUpForSessionId: true,
        quizScorePercent: true,
        quizPassed: true,
        amendments: {
          orderBy: { at: "asc" },
          select: {
            id: true,
            byId: true,
            at: true,
            reason: true,
            fromOutcome: true,
            toOutcome: true,
            fromMinutes: true,
            toMinutes: true,
          },
        },
      },
    }),
    db.makeUp.findMany({
      where: { personId },
      orderBy: { acceptedAt: "asc" },
      select: {
        id: true,
        missedSessionId: true,
        acceptedAt: true,
        missedSession: { select: { startsAt: true, course: { select: { title: true } } } },
        session: { select: { id: true, startsAt: true, endsAt: true, course: { select: { title: true } } } },
      },
    }),
    // The form, never its attachment's bytes.
    db.leaveRequest.findMany({
      where: { personId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        reasonKind: true,
        reasonText: true,
        createdAt: true,
        acknowledgedAt: true,
        approval: { select: { state: true } },
        session: { select: { startsAt: true, course: { select: { title: true } } } },
      },
    }),
    db.quizAttempt.findMany({
      where: { personId, status: "SUBMITTED" },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        mode: true,
        submittedAt: true,
        scorePercent: true,
        passPercent: true,
        passed: true,
        quiz: { select: { title: true, titleEn: true } },
      },
      take: options.latestAttempts,
    }),
    options.latestAttempts === undefined ? null : db.quizAttempt.count({ where: { personId, status: "SUBMITTED" } }),
    db.preJobAssessment.findMany({
      where: { personId },
      orderBy: { assessedAt: "asc" },
      select: {
        id: true,
        result: true,
        attendanceScore: true,
        quizScore: true,
        practiceScore: true,
        attitudeScore: true,
        assessorId: true,
        assessedAt: true,
        course: { select: { title: true } },
        approval: { select: { state: true } },
      },
    }),
    certificationsFor([person]),
  ]);

  // Names of who amended a record or assessed the person, in one read.
  const nameIds = new Set([
    ...records.flatMap((r) => r.amendments.map((a) => a.byId)),
    ...assessments.map((a) => a.assessorId),
  ]);
  const names = new Map(
    (await db.person.findMany({ where: { id: { in: [...nameIds] } }, select: { id: true, name: true } })).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const madeUpBy = records.filter((r) => r.makeUpForSessionId);
  const cert = certs.get(person.id)!;

  return {
    person: {
      id: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      post: person.post,
      department: person.department.name,
      // Never the full number, whoever reads the file.
      phone: maskPhone(person.phone),
      hireDate: person.hireDate ? person.hireDate.toISOString().slice(0, 10) : null,
      status: person.status,
      disabled: Boolean(person.disabledAt),
    },
    years: hoursPerYear(records, timeZone),
    recordYears: groupByYear(
      records.map((r) => ({
        ...r,
        hours: hoursOf(r.minutes),
        makeUp: makeUpState(r, madeUpBy, makeUps),
        amendments: r.amendments.map((a) => ({ ...a, byName: names.get(a.byId) ?? "" })),
      })),
      timeZone,
    ),
    recordCount: records.length,
    certification: {
      status: cert.status,
      certifiedAt: cert.certifiedAt,
      validUntil: cert.validUntil,
      staleRuleIds: cert.staleRules.map((s) => s.ruleId),
    },
    attemptCount: attemptCount ?? attempts.length,
    attempts: attempts.map((a) => ({
      id: a.id,
      mode: a.mode,
      submittedAt: a.submittedAt,
      scorePercent: a.scorePercent,
      passPercent: a.passPercent,
      passed: a.passed,
      quizTitle: a.quiz.title,
      quizTitleEn: a.quiz.titleEn,
    })),
    leaves: leaves.map((l) => ({
      id: l.id,
      courseTitle: l.session.course.title,
      sessionStartsAt: l.session.startsAt,
      reasonKind: l.reasonKind,
      reasonText: l.reasonText,
      filedAt: l.createdAt,
      state: l.approval.state,
      acknowledged: Boolean(l.acknowledgedAt),
    })),
    makeUps: makeUps.map((m) => ({
      id: m.id,
      missedTitle: m.missedSession.course.title,
      missedStartsAt: m.missedSession.startsAt,
      title: m.session.course.title,
      startsAt: m.session.startsAt,
      acceptedAt: m.acceptedAt,
      attended: madeUpBy.some((r) => r.sessionId === m.session.id && r.minutes > 0),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      result: a.result,
      scores: [a.attendanceScore, a.quizScore, a.practiceScore, a.attitudeScore] as const,
      assessorName: names.get(a.assessorId) ?? "",
      assessedAt: a.assessedAt,
      courseTitle: a.course?.title ?? null,
      signedOff: a.approval.state === "APPROVED",
      approvalState: a.approval.state,
    })),
  };
}

export type TrainingFile = NonNullable<Awaited<ReturnType<typeof trainingFile>>>;
