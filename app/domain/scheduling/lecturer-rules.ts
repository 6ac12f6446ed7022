// Pure rules of the internal lecturer list (docs/decisions/0025): who may be marked, and what stops an unmarking.

/** Only someone still working here, with a sign-in, is marked as a lecturer. */
export const mayLecture = (person: { disabledAt: Date | null; status: string }) =>
  person.disabledAt === null && person.status !== "LEFT";

/**
 * A course is not yet held while it is not cancelled and has no session yet or a session still to end: its
 * lecturer keeps the mark until another lecturer is chosen (or the course is cancelled).
 */
export function notYetHeld(course: { cancelled: boolean; sessions: Array<{ endsAt: Date }> }, at: Date): boolean {
  if (course.cancelled) return false;
  return course.sessions.length === 0 || course.sessions.some((s) => s.endsAt > at);
}
