import { describe, expect, it } from "vitest";

import { checkAction, type ActionContext, type ActionInput } from "~/domain/cases/action-rules";

import {
  appendLine,
  courseWindows,
  enforcedAtWork,
  GATE_RULES,
  missRate,
  namesWithin,
  perAttendee,
  rankRules,
  rulesOfConcern,
  yearBefore,
  yearWindow,
} from "./rule-loop-rules";

const TZ = "Asia/Shanghai";
const DAY = 86_400_000;

describe("the rules the case-work gate enforces", () => {
  // One record per check that breaks it; the list must name exactly the rules these records break.
  const ctx: ActionContext = { timeZone: TZ, thirdPartyCallsToday: 0, reachesThirdParty: false, slurWords: ["老赖"] };
  const call = (over: Partial<ActionInput>): ActionInput => ({
    type: "CALL_DEBTOR",
    at: new Date("2026-11-30T10:00:00+08:00"),
    numberDialled: "13800138000",
    note: "本人接听。",
    ...over,
  });
  const broken = [
    checkAction(call({ at: new Date("2026-11-30T23:00:00+08:00") }), ctx),
    checkAction(call({}), { ...ctx, reachesThirdParty: true, thirdPartyCallsToday: 2 }),
    checkAction(call({ note: "这个老赖不接电话" }), ctx),
    checkAction(call({ note: "卡号 6222021234567890123" }), ctx),
    checkAction(call({ numberDialled: null }), ctx),
  ].flatMap((b) => b.map((x) => x.ruleId));

  it("lists every rule a record can be refused for, and no other", () => {
    expect([...new Set(broken)].sort()).toEqual([...GATE_RULES].sort());
  });

  it("says a checked rule is enforced at work and an unchecked one is not", () => {
    expect(enforcedAtWork("B6")).toBe(true);
    expect(enforcedAtWork("B3")).toBe(true);
    expect(enforcedAtWork("B12")).toBe(false);
  });
});

describe("rates", () => {
  it("a miss rate is wrong over answered, and none when nothing was answered", () => {
    expect(missRate(20, 5)).toBe(0.25);
    expect(missRate(0, 0)).toBeNull();
  });
  it("breaches per attendee, none for a course without attendees", () => {
    expect(perAttendee(3, 4)).toBe(0.75);
    expect(perAttendee(3, 0)).toBeNull();
  });
});

describe("windows", () => {
  it("a company year runs from its first Shanghai midnight to the next year's", () => {
    const y = yearWindow(2026, TZ);
    expect(y.from.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(y.to.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
  it("the survey looks back 12 months from the moment it opened", () => {
    const w = yearBefore(new Date("2026-11-20T02:00:00Z"), TZ);
    expect(w.from.toISOString()).toBe("2025-11-20T02:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-11-20T02:00:00.000Z");
  });
  it("30 days before the first session and 30 days after the last; the after-window may still be running", () => {
    const first = new Date("2026-06-10T06:00:00Z");
    const last = new Date("2026-06-12T09:00:00Z");
    const w = courseWindows(first, last, new Date(last.getTime() + 10 * DAY));
    expect(w.before).toEqual({ from: new Date(first.getTime() - 30 * DAY), to: first });
    expect(w.after).toEqual({ from: last, to: new Date(last.getTime() + 30 * DAY) });
    expect(w.complete).toBe(false);
    expect(courseWindows(first, last, new Date(last.getTime() + 30 * DAY)).complete).toBe(true);
  });
});

describe("ranking", () => {
  const row = (ruleId: string, sortOrder: number, answered: number, wrong: number, breaches: number) => ({
    ruleId,
    sortOrder,
    answered,
    wrong,
    breaches,
  });
  const rows = [
    row("B1", 1, 10, 1, 0),
    row("B3", 3, 10, 5, 2),
    row("B6", 6, 4, 1, 7),
    row("B8", 8, 0, 0, 0),
    row("B9", 9, 0, 0, 0),
    row("REC2", 22, 20, 10, 7),
  ];
  it("by breaches, then wrong answers; ties keep the catalogue's order", () => {
    expect(rankRules(rows, "breaches").map((r) => r.ruleId)).toEqual(["REC2", "B6", "B3", "B1", "B8", "B9"]);
  });
  it("by miss rate, then wrong answers; rules nobody answered come last", () => {
    expect(rankRules(rows, "misses").map((r) => r.ruleId)).toEqual(["REC2", "B3", "B6", "B1", "B8", "B9"]);
  });
  it("rules of concern: only missed ones among the missed, only breached ones among the breached", () => {
    const c = rulesOfConcern(rows, 2);
    expect(c.missed.map((r) => r.ruleId)).toEqual(["REC2", "B3"]);
    expect(c.breached.map((r) => r.ruleId)).toEqual(["REC2", "B6"]);
    expect(rulesOfConcern([row("B1", 1, 5, 0, 0)]).missed).toEqual([]);
  });
});

describe("texts", () => {
  it("a requirement line is appended once, and refused when the whole would be too long", () => {
    expect(appendLine(null, "甲", 10)).toBe("甲");
    expect(appendLine("甲\n", "乙", 10)).toBe("甲\n乙");
    expect(appendLine("甲\n乙", "乙", 10)).toBe("甲\n乙");
    expect(appendLine("一二三四五六七八九", "十一", 10)).toBeNull();
  });
  it("names that do not fit are counted instead", () => {
    const join = (shown: string[], rest: number) =>
      rest ? `${shown.join("、")}等${shown.length + rest}人` : shown.join("、");
    expect(namesWithin(["王伟", "李娜"], 20, join)).toBe("王伟、李娜");
    expect(namesWithin(["王伟", "李娜", "张敏", "刘洋"], 8, join)).toBe("王伟、李娜等4人");
  });
});
