import { describe, expect, it } from "vitest";

import type { CertAttempt, CertPolicy, CertRule } from "~/domain/certification/certification-rules";

import { bearerKey, generateApiKey, hashApiKey } from "./api-key-rules";
import { answerFor } from "./clearance-response";

const DAY = 86_400_000;
const t0 = new Date("2026-06-01T00:00:00Z");
const policy: CertPolicy = { validityMonths: 12, graceDays: 7, expiringWithinDays: 30 };
const rules: CertRule[] = [
  { id: "B3", versions: [{ version: 1, effectiveAt: new Date("2025-01-01T00:00:00Z") }] },
  {
    id: "B8",
    versions: [
      { version: 1, effectiveAt: new Date("2025-01-01T00:00:00Z") },
      { version: 2, effectiveAt: new Date(t0.getTime() + 10 * DAY) },
    ],
  },
];
const passed: CertAttempt = {
  mode: "FULL",
  status: "SUBMITTED",
  submittedAt: new Date(t0.getTime() - 30 * DAY),
  scorePercent: 100,
  passPercent: 90,
  redLineMissed: false,
  ruleVersions: { B3: 1, B8: 1 },
};
const person = { id: "p1", status: "ACTIVE" as const };
const body = (json: string) => JSON.parse(json);

describe("clearance answer", () => {
  it("a certified person: cleared, reasons, valid until, every rule true", () => {
    const a = answerFor("C0102", person, rules, [passed], t0, policy);
    expect(body(a.json)).toEqual({
      employeeNo: "C0102",
      cleared: true,
      reasons: ["passed"],
      validUntil: "2027-05-02T00:00:00.000Z",
      rules: { B3: true, B8: true },
    });
    // The answer holds until B8's new version takes effect.
    expect(a.until).toBe(t0.getTime() + 10 * DAY);
  });

  it("a rule change: in grace the rule is false but the person cleared; after the grace, lapsed", () => {
    const inGrace = body(answerFor("C0102", person, rules, [passed], new Date(t0.getTime() + 12 * DAY), policy).json);
    expect(inGrace).toMatchObject({
      cleared: true,
      reasons: ["passed", "ruleChanged:B8"],
      rules: { B3: true, B8: false },
      validUntil: new Date(t0.getTime() + 17 * DAY).toISOString(),
    });
    const lapsed = body(answerFor("C0102", person, rules, [passed], new Date(t0.getTime() + 17 * DAY), policy).json);
    expect(lapsed).toEqual({
      employeeNo: "C0102",
      cleared: false,
      reasons: ["ruleChanged:B8"],
      validUntil: null,
      rules: { B3: false, B8: false },
    });
  });

  it("never passed, expired, inactive", () => {
    expect(body(answerFor("C0101", person, rules, [], t0, policy).json)).toMatchObject({
      cleared: false,
      reasons: ["neverPassed"],
      validUntil: null,
    });
    const old = { ...passed, submittedAt: new Date("2025-03-01T00:00:00Z") };
    expect(body(answerFor("C0101", person, rules, [old], t0, policy).json)).toMatchObject({
      cleared: false,
      reasons: ["expired"],
    });
    expect(body(answerFor("C0101", { ...person, disabled: true }, rules, [passed], t0, policy).json)).toMatchObject({
      cleared: false,
      reasons: ["inactive"],
    });
  });
});

describe("API keys", () => {
  it("are random, hashed with SHA-256, read from a Bearer header", () => {
    const key = generateApiKey();
    expect(key).toMatch(/^tgk_[\w-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    // The stored hashes are SHA-256 in hex (FIPS 180-2's "abc" vector): a different hash would refuse every key.
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey(undefined)).toBeNull();
  });
});
