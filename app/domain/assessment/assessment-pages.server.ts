// What the form pages show: a new form for one new hire (with suggestions where the data exists), and a
// filed form with the actions this viewer may take.
import { getCaseWorkClearance } from "~/domain/certification/certification-queries.server";
import { db } from "~/utils/db.server";
import { availableActions } from "~/workflow/approval-rules";

import { assessmentForm, bestQuizAttempts, type AssessmentViewer } from "./assessment-queries.server";
import { attendanceSuggestion, mayAssess, quizSuggestion } from "./assessment-rules";
import { AssessmentSubject } from "./assessment-subject.server";
import { loadNewHire } from "./new-hire.server";

/** The new hire's case-work clearance as a page shows it: whether, and the reason codes. */
async function clearanceOf(personId: string) {
  const c = await getCaseWorkClearance(personId);
  return c ? { cleared: c.cleared, status: c.status, reasons: c.reasons.map((r) => r.code) } : null;
}

/** Attendance of one course as the archive recorded it (null when its rosters are not closed yet). */
async function attendanceOf(personId: string, courseId: string | null) {
  if (!courseId) return null;
  const records = await db.trainingRecord.findMany({
    where: { personId, courseId },
    select: { minutes: true, startsAt: true, endsAt: true },
  });
  return attendanceSuggestion(records);
}

/**
 * The blank form for a new hire: null when there is no such person; `allowed: false` when this viewer may not
 * assess them (the page says so, nothing else is shown).
 */
export async function newAssessmentPage(viewer: AssessmentViewer, personId: string, askedCourseId: string | null) {
  const loaded = await db.$transaction((tx) => loadNewHire(tx, personId));
  if (!loaded) return null;
  const { person, hire, courses } = loaded;
  const who = { id: person.id, name: person.name, employeeNo: person.employeeNo, department: person.department.name };
  if (!mayAssess(viewer, hire)) return { allowed: false as const, person: who };
  // The course asked for, else the latest onboarding course they attend.
  const course = courses.find((c) => c.id === askedCourseId) ?? (askedCourseId === "" ? null : (courses[0] ?? null));
  const [attendance, attempts, open, clearance] = await Promise.all([
    attendanceOf(person.id, course?.id ?? null),
    bestQuizAttempts(person.id),
    db.preJobAssessment.findFirst({
      where: { personId: person.id, approval: { state: { not: "APPROVED" } } },
      select: { id: true },
    }),
    clearanceOf(person.id),
  ]);
  return {
    allowed: true as const,
    person: { ...who, status: person.status },
    courses: courses.map((c) => ({ id: c.id, title: c.title, startsAt: c.sessions[0]?.startsAt ?? null })),
    courseId: course?.id ?? "",
    suggestions: { attendanceScore: attendance, quizScore: quizSuggestion(attempts) },
    openFormId: open?.id ?? null,
    clearance,
  };
}

/** A filed form for this viewer, with the sign-off buttons for a head above the new hire; null if not theirs. */
export async function assessmentPage(viewer: AssessmentViewer, assessmentId: string) {
  const found = await assessmentForm(assessmentId, viewer);
  if (!found) return null;
  const { form } = found;
  const loaded = await db.$transaction((tx) => loadNewHire(tx, form.personId));
  const heads = loaded?.hire.headIds ?? [];
  const decides = heads.includes(viewer.id);
  const actions = availableActions(form.approval.state, viewer.roles, AssessmentSubject.policy).filter(
    (a) => (a === "APPROVE" || a === "REJECT") && decides,
  );
  const own = form.assessorId === viewer.id;
  const canRevise = own && form.approval.state === "DRAFT" && Boolean(loaded && mayAssess(viewer, loaded.hire));
  return {
    ...found,
    actions,
    canRevise,
    courses: canRevise ? (loaded?.courses ?? []).map((c) => ({ id: c.id, title: c.title, startsAt: null })) : [],
    clearance: await clearanceOf(form.personId),
  };
}
