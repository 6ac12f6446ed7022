// Pure rules of the department heads' confirmation (step 009): the default deadline, whether a head may
// still act, and which department confirms which attendee. No I/O.
import { TZDate } from "@date-fns/tz";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The last moment of a company-local day ("2026-12-10"): 23:59:59.999 there. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone).getTime());
}

/** The company-local day ("2026-12-10") of an instant. */
export function localDay(at: Date, timeZone: string): string {
  const d = new TZDate(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The deadline proposed to the clerk: the end of the day `headConfirmDays` before the first session. When
 * that is already past or too close, heads still get a day (now + 24 h), but never beyond the first
 * session's start. null when the course has no session or its first session has begun.
 */
export function defaultConfirmBy(
  firstSessionStart: Date | null,
  at: Date,
  headConfirmDays: number,
  timeZone: string,
): Date | null {
  if (!firstSessionStart || firstSessionStart <= at) return null;
  const [y, m, d] = localDay(firstSessionStart, timeZone).split("-").map(Number);
  const dayBefore = new TZDate(y, m - 1, d - headConfirmDays, 12, 0, 0, 0, timeZone);
  const planned = endOfLocalDay(localDay(new Date(dayBefore.getTime()), timeZone), timeZone);
  const earliest = new Date(at.getTime() + DAY_MS);
  const chosen = planned < earliest ? earliest : planned;
  return chosen > firstSessionStart ? firstSessionStart : chosen;
}

export type DeadlineCheck = { ok: true; confirmBy: Date } | { ok: false; error: string };

/** A deadline the clerk typed (a company-local day): its end must lie ahead and before the first session. */
export function chosenConfirmBy(
  date: string,
  firstSessionStart: Date | null,
  at: Date,
  timeZone: string,
): DeadlineCheck {
  if (!firstSessionStart) return { ok: false, error: "confirmations.noSessions" };
  if (firstSessionStart <= at) return { ok: false, error: "confirmations.courseStarted" };
  const confirmBy = endOfLocalDay(date, timeZone);
  if (confirmBy <= at) return { ok: false, error: "confirmations.deadlineInPast" };
  if (date >= localDay(firstSessionStart, timeZone)) return { ok: false, error: "confirmations.deadlineAfterStart" };
  return { ok: true, confirmBy };
}

/** Whether a head may still confirm, swap or withdraw: requested, before the deadline and the first session. */
export function headMayAct(
  state: { confirmBy: Date | null; firstSessionStart: Date | null; cancelled: boolean },
  at: Date,
): { ok: true } | { ok: false; error: string } {
  if (state.cancelled) return { ok: false, error: "confirmations.cancelled" };
  if (!state.confirmBy) return { ok: false, error: "confirmations.notRequested" };
  if (state.firstSessionStart && state.firstSessionStart <= at)
    return { ok: false, error: "confirmations.courseStarted" };
  if (state.confirmBy <= at) return { ok: false, error: "confirmations.pastDeadline" };
  return { ok: true };
}

/** Heads are reminded at most once an hour per department. */
export const REMIND_INTERVAL_MS = HOUR_MS;

export function mayRemind(remindedAt: Date | null, at: Date): boolean {
  return !remindedAt || at.getTime() - remindedAt.getTime() >= REMIND_INTERVAL_MS;
}

export type DepartmentRow = { id: string; parentId: string | null; kind: string };

/**
 * The department that confirms for people of `departmentId`: the top-level department (kind DEPARTMENT)
 * it is, or whose team it is. A person placed directly at the company level confirms for themselves' node.
 */
export function confirmingDepartmentId(departments: readonly DepartmentRow[], departmentId: string): string {
  const byId = new Map(departments.map((d) => [d.id, d]));
  let node = byId.get(departmentId);
  const seen = new Set<string>();
  while (node && !seen.has(node.id)) {
    seen.add(node.id);
    if (node.kind === "DEPARTMENT") return node.id;
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return departmentId;
}

/** Attendees grouped by the department that confirms them; each group's person ids sorted. */
export function groupByConfirmingDepartment<A extends { personId: string; departmentId: string }>(
  departments: readonly DepartmentRow[],
  attendees: readonly A[],
): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const a of attendees) {
    const key = confirmingDepartmentId(departments, a.departmentId);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const list of groups.values()) list.sort((x, y) => x.personId.localeCompare(y.personId));
  return groups;
}

/** Whether two attendee sets are the same people (order does not matter). */
export function sameAttendees(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** Where a head's confirmation to-do points, and what it is about (one per course and department). */
export const confirmationsHref = (courseId: string) => `/courses/${courseId}/confirmations`;
export const confirmationSource = (courseId: string, departmentId: string) => ({
  sourceType: "HeadConfirmation",
  sourceId: `${courseId}:${departmentId}`,
});
