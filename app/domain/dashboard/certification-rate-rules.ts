// Pure: the case-work certification in figures — the share of agents cleared, those whose clearance
// ends within 30 days, and those whose clearance lapsed or expired — from certificationState's answers.
import type { Certification } from "~/domain/certification/certification-rules";

import { percent } from "./hours-rules";

export const CERT_GROUPS = ["cleared", "expiring", "lapsed", "never"] as const;
export type CertGroup = (typeof CERT_GROUPS)[number];

const DAY = 86_400_000;

/** Expiring counts inside cleared: a clearance that ends within `withinDays` (an expiry or a rule's grace end). */
export function certGroups(c: Pick<Certification, "cleared" | "status" | "validUntil">, at: Date, withinDays = 30) {
  const expiring = c.cleared && c.validUntil !== null && c.validUntil.getTime() - at.getTime() <= withinDays * DAY;
  return {
    cleared: c.cleared,
    expiring,
    lapsed: !c.cleared && (c.status === "lapsed" || c.status === "expired"),
    never: !c.cleared && c.status === "never",
  };
}

export type CertLine = Record<CertGroup, number> & { agents: number; rate: number | null };

export function certificationFigures(
  agents: ReadonlyArray<{ departmentId: string; certification: Certification }>,
  at: Date,
  rowIds: readonly string[],
  rowFor: (departmentId: string) => string | null,
) {
  const tally = (list: typeof agents): CertLine => {
    const out = { cleared: 0, expiring: 0, lapsed: 0, never: 0, agents: list.length, rate: null as number | null };
    for (const a of list) {
      const g = certGroups(a.certification, at);
      for (const k of CERT_GROUPS) if (g[k]) out[k] += 1;
    }
    out.rate = percent(out.cleared, out.agents);
    return out;
  };
  return {
    total: tally(agents),
    byRow: new Map(rowIds.map((id) => [id, tally(agents.filter((a) => rowFor(a.departmentId) === id))])),
  };
}
