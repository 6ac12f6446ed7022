// Pure: which ended certifications the daily-running job announces. A certification is computed, never
// stored (certification-rules.ts), so nothing happens by itself when one expires or lapses after a rule
// change: the job notices the end, once, and tells the agent and their heads.
import type { Certification } from "./certification-rules";

export type CertificationEnd = { personId: string; status: "expired" | "lapsed"; endedAt: Date };

/**
 * Ends older than this are not announced: on the first run after an upgrade (or after the job was
 * stopped for long) the agents whose certification ended long ago are not flooded with to-dos.
 */
export const END_NOTICE_WINDOW_DAYS = 30;

const DAY = 86_400_000;

/** Expired or lapsed certifications whose end came within the window before `now`. */
export function endsToAnnounce(
  certifications: Iterable<[string, Certification]>,
  now: Date,
  windowDays = END_NOTICE_WINDOW_DAYS,
): CertificationEnd[] {
  const since = now.getTime() - windowDays * DAY;
  const ends: CertificationEnd[] = [];
  for (const [personId, c] of certifications) {
    if (c.cleared || (c.status !== "expired" && c.status !== "lapsed") || !c.validUntil) continue;
    const ended = c.validUntil.getTime();
    if (ended > since && ended <= now.getTime()) ends.push({ personId, status: c.status, endedAt: c.validUntil });
  }
  return ends;
}
