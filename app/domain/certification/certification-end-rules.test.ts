import { expect, it } from "vitest";

import { endsToAnnounce } from "./certification-end-rules";
import type { Certification } from "./certification-rules";

const NOW = new Date("2027-01-01T00:30:00+08:00");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const cert = (status: Certification["status"], validUntil: Date | null, cleared = false): Certification => ({
  cleared,
  status,
  validUntil,
  certifiedAt: daysAgo(400),
  reasons: [],
  staleRules: [],
});

it("announces certifications that expired or lapsed within the last 30 days, and nothing else", () => {
  const ends = endsToAnnounce(
    [
      ["expired", cert("expired", daysAgo(1))],
      ["lapsed", cert("lapsed", daysAgo(29))],
      ["long ago", cert("expired", daysAgo(31))],
      ["cleared", cert("certified", daysAgo(-100), true)],
      ["in grace", cert("grace", daysAgo(-3), true)],
      ["never", cert("never", null)],
    ],
    NOW,
  );
  expect(ends).toEqual([
    { personId: "expired", status: "expired", endedAt: daysAgo(1) },
    { personId: "lapsed", status: "lapsed", endedAt: daysAgo(29) },
  ]);
});
