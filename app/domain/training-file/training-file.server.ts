// One person's training file (培训档案) as the page, the print and the workbook show it: who they are,
// hours per company year, every training record with its amendments, the case-work certification (the
// same read as the certification board), quiz attempts, leave forms, make-ups and pre-job assessments.
// A fixed number of statements, whatever the length of the file: one per section with its joins
// (`training-file-read.server.ts`), all but the person's read at once.
import { certificationsFor } from "~/domain/certification/certification-queries.server";
import { maskPhone } from "~/utils/mask";

import {
  type FileAmendment,
  readAmendments,
  readAssessments,
  readAttempts,
  readLeaves,
  readMakeUps,
  readPerson,
  readRecords,
} from "./training-file-read.server";
import { groupByYear, hoursOf, hoursPerYear, makeUpState } from "./training-file-rules";

/** `latestAttempts`: the page shows only the latest quiz attempts (an agent takes hundreds over the years) and
 * says how many there are; the print and the export take them all. */
export async function trainingFile(personId: string, timeZone: string, options: { latestAttempts?: number } = {}) {
  const person = await readPerson(personId);
  if (!person) return null;
  const [records, amendments, makeUps, leaves, attempts, assessments, certs] = await Promise.all([
    readRecords(personId),
    readAmendments(personId),
    readMakeUps(personId),
    readLeaves(personId),
    readAttempts(personId, options.latestAttempts),
    readAssessments(personId),
    certificationsFor([person]),
  ]);
  const amendmentsOf = new Map<string, Array<Omit<FileAmendment, "recordId">>>();
  for (const { recordId, ...a } of amendments) amendmentsOf.set(recordId, [...(amendmentsOf.get(recordId) ?? []), a]);
  const madeUpBy = records.filter((r) => r.makeUpForSessionId);
  const cert = certs.get(person.id)!;

  return {
    person: {
      id: person.id,
      employeeNo: person.employeeNo,
      name: person.name,
      post: person.post,
      department: person.department,
      // Never the full number, whoever reads the file.
      phone: maskPhone(person.phone),
      hireDate: person.hireDate,
      status: person.status,
      disabled: person.disabled,
    },
    years: hoursPerYear(records, timeZone),
    recordYears: groupByYear(
      records.map((r) => ({
        ...r,
        amendments: amendmentsOf.get(r.id) ?? [],
        hours: hoursOf(r.minutes),
        makeUp: makeUpState(r, madeUpBy, makeUps),
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
    attemptCount: attempts.count,
    attempts: attempts.rows,
    leaves,
    makeUps: makeUps.map((m) => ({
      id: m.id,
      missedTitle: m.missedTitle,
      missedStartsAt: m.missedStartsAt,
      title: m.title,
      startsAt: m.startsAt,
      acceptedAt: m.acceptedAt,
      attended: madeUpBy.some((r) => r.sessionId === m.sessionId && r.minutes > 0),
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      result: a.result,
      scores: [a.attendanceScore, a.quizScore, a.practiceScore, a.attitudeScore] as const,
      assessorName: a.assessorName,
      assessedAt: a.assessedAt,
      courseTitle: a.courseTitle,
      signedOff: a.approvalState === "APPROVED",
      approvalState: a.approvalState,
    })),
  };
}

export type TrainingFile = NonNullable<Awaited<ReturnType<typeof trainingFile>>>;
