import { describe, expect, it } from "vitest";

import { certificationRecheckAt } from "./certification-recheck";
import {
  certificationState,
  type CertAssessment,
  type CertAttempt,
  type CertPerson,
  type CertRule,
} from "./certification-rules";

const DAY = 86_400_000;
const t0 = new Date("2026-06-01T00:00:00Z").getTime();
const policy = { validityMonths: 12, graceDays: 7, expiringWithinDays: 30 };

// mulberry32: random histories, the same on every run.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(seed: number) {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const day = (from: number, to: number) => new Date(t0 + Math.round((from + r() * (to - from)) * 24) * (DAY / 24));
  const rules: CertRule[] = ["B3", "B5", "B8"].map((id) => ({
    id,
    versions: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => ({
      version: i + 1,
      effectiveAt: i === 0 ? new Date(t0 - 800 * DAY) : day(-300, 120),
    })),
  }));
  const attempts: CertAttempt[] = Array.from({ length: Math.floor(r() * 6) }, () => ({
    mode: pick(["FULL", "FULL", "REQUIZ"] as const),
    status: "SUBMITTED",
    submittedAt: day(-500, 60),
    scorePercent: pick([60, 85, 90, 100]),
    passPercent: 90,
    redLineMissed: r() < 0.2,
    ruleVersions: Object.fromEntries(rules.filter(() => r() < 0.8).map((x) => [x.id, 1 + Math.floor(r() * 3)])),
  }));
  const person: CertPerson = {
    id: "p",
    status: pick(["ACTIVE", "ACTIVE", "NEW_HIRE", "TRANSFERRING", "LEFT"] as const),
    disabled: r() < 0.1,
  };
  const assessments: CertAssessment[] = Array.from({ length: Math.floor(r() * 3) }, () => {
    const assessedAt = day(-200, 30);
    return {
      result: pick(["PASS", "EXTEND", "FAIL"] as const),
      assessedAt,
      signedOffAt: new Date(assessedAt.getTime() + r() * 20 * DAY),
    };
  });
  return { rules, attempts, person, assessments, at: day(-60, 60), r };
}

describe("when a stored certification must be computed again", () => {
  it("nothing the function returns changes before recheckAt, over 400 random histories", () => {
    let changedAtRecheck = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const h = history(seed);
      const state = (at: Date) => certificationState(h.person, h.rules, h.attempts, at, policy, h.assessments);
      const c = state(h.at);
      const recheck = certificationRecheckAt(c, h.rules, h.attempts, h.at, policy, h.assessments);
      const end = recheck ? recheck.getTime() : h.at.getTime() + 800 * DAY;
      expect(end).toBeGreaterThan(h.at.getTime());
      // Every hour up to a week, then daily samples, and the last millisecond before recheckAt.
      const samples = [end - 1];
      for (let t = h.at.getTime(); t < end && samples.length < 400; t += samples.length < 168 ? DAY / 24 : DAY)
        samples.push(t);
      // Compared as JSON (160,000 deep equals took longer than a test may); a difference is shown whole.
      const expected = JSON.stringify(c);
      const differs = samples.find((t) => JSON.stringify(state(new Date(t))) !== expected);
      if (differs !== undefined)
        expect(state(new Date(differs)), `seed ${seed} at ${new Date(differs).toISOString()}`).toEqual(c);
      if (recheck && JSON.stringify(state(recheck)) !== JSON.stringify(c)) changedAtRecheck++;
    }
    // Not a test of nothing: many recheck instants are real changes (57 of these histories).
    expect(changedAtRecheck, String(changedAtRecheck)).toBeGreaterThan(40);
  }, 30_000);

  it("a certification about to enter the expiring window is rechecked when it does", () => {
    const passed: CertAttempt = {
      mode: "FULL",
      status: "SUBMITTED",
      submittedAt: new Date(t0 - 300 * DAY),
      scorePercent: 100,
      passPercent: 90,
      redLineMissed: false,
      ruleVersions: { B3: 1 },
    };
    const rules: CertRule[] = [{ id: "B3", versions: [{ version: 1, effectiveAt: new Date(t0 - 800 * DAY) }] }];
    const at = new Date(t0);
    const c = certificationState({ id: "p", status: "ACTIVE" }, rules, [passed], at, policy);
    expect(c.status).toBe("certified");
    const recheck = certificationRecheckAt(c, rules, [passed], at, policy)!;
    expect(recheck.getTime()).toBe(c.validUntil!.getTime() - 30 * DAY);
    expect(certificationState({ id: "p", status: "ACTIVE" }, rules, [passed], recheck, policy).status).toBe("expiring");
  });
});
