// Pure: the rule loop's arithmetic — rates, the year and the before/after windows around a course, the
// ranking of rules, and which rules a department should turn into next year's needs. No I/O.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

import { CHECKED_RULES } from "~/domain/cases/action-rules";

const DAY = 86_400_000;
/** How far before a course's first session and after its last one its effect is measured. */
export const WINDOW_DAYS = 30;

/** The rules the case-work gate checks on every action record before it is saved. */
export const GATE_RULES: readonly string[] = CHECKED_RULES;
/** A rule id as the catalogue spells them (B6, OPS1, REC3); whether it exists is the catalogue's to say. */
export const RuleIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{1,4}\d{1,2}$/, "ruleLoop.unknownRule");

export const enforcedAtWork = (ruleId: string) => GATE_RULES.includes(ruleId);

export type Window = { from: Date; to: Date };

/** A company year as instants: from its first moment up to (not including) the next year's. */
export function yearWindow(year: number, timeZone: string): Window {
  return {
    from: new Date(new TZDate(year, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
    to: new Date(new TZDate(year + 1, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
  };
}

/** The 12 months before an instant (the needs survey looks back over them from the day it opened). */
export function yearBefore(at: Date, timeZone: string): Window {
  const local = new TZDate(at.getTime(), timeZone);
  const from = new TZDate(
    local.getFullYear() - 1,
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
    timeZone,
  );
  return { from: new Date(from.getTime()), to: new Date(at.getTime()) };
}

/**
 * The 30 days before a course's first session and the 30 days after its last one ends. `complete` says
 * whether the after-window is over at `at`: an unfinished one is shown, but marked as still running.
 */
export function courseWindows(firstStart: Date, lastEnd: Date, at: Date) {
  const before = { from: new Date(firstStart.getTime() - WINDOW_DAYS * DAY), to: firstStart };
  const after = { from: lastEnd, to: new Date(lastEnd.getTime() + WINDOW_DAYS * DAY) };
  return { before, after, complete: after.to.getTime() <= at.getTime() };
}

/** Share answered wrong, 0–1; null when nothing was answered (no rate, rather than a misleading 0%). */
export function missRate(answered: number, wrong: number): number | null {
  return answered > 0 ? wrong / answered : null;
}

/** Breaches per attendee; null for a course without attendees in view. */
export function perAttendee(breaches: number, attendees: number): number | null {
  return attendees > 0 ? breaches / attendees : null;
}

/** Whole percent for display (0.125 → 13); null stays null. */
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

export type RuleFigures = {
  ruleId: string;
  sortOrder: number;
  answered: number;
  wrong: number;
  breaches: number;
};

export const SORTS = ["breaches", "misses"] as const;
export type RuleSort = (typeof SORTS)[number];

/**
 * Rules in order of concern: by breaches (then wrong answers), or by miss rate (then wrong answers,
 * then breaches). Rules without answers sort after those with a rate; ties keep the catalogue's order.
 */
export function rankRules<T extends RuleFigures>(rows: readonly T[], by: RuleSort): T[] {
  const rate = (r: T) => missRate(r.answered, r.wrong) ?? -1;
  return [...rows].sort((a, b) => {
    const keys =
      by === "breaches"
        ? [b.breaches - a.breaches, b.wrong - a.wrong, rate(b) - rate(a)]
        : [rate(b) - rate(a), b.wrong - a.wrong, b.breaches - a.breaches];
    return keys.find((k) => k !== 0) ?? a.sortOrder - b.sortOrder;
  });
}

/**
 * What a department should train next: its most-missed rules (at least one wrong answer) and its
 * most-breached ones (at least one breach), `limit` of each.
 */
export function rulesOfConcern<T extends RuleFigures>(rows: readonly T[], limit = 3) {
  return {
    missed: rankRules(
      rows.filter((r) => r.wrong > 0),
      "misses",
    ).slice(0, limit),
    breached: rankRules(
      rows.filter((r) => r.breaches > 0),
      "breaches",
    ).slice(0, limit),
  };
}

/** A line appended to the requirements, unless the same line is already there. Null when it would not fit. */
export function appendLine(text: string | null, line: string, max: number): string | null {
  const current = (text ?? "").trimEnd();
  if (current.split(/\r?\n/).some((l) => l.trim() === line.trim())) return current;
  const next = current ? `${current}\n${line}` : line;
  return next.length <= max ? next : null;
}

/** "王伟、李娜等 7 人"-style list cut to fit a field: as many names as fit, then the count. */
export function namesWithin(names: readonly string[], max: number, join: (shown: string[], rest: number) => string) {
  for (let n = names.length; n > 0; n--) {
    const text = join(names.slice(0, n), names.length - n);
    if (text.length <= max) return text;
  }
  return join([], names.length).slice(0, max);
}

/** The view's query string for links between the list and a rule's page. */
export const queryOf = (q: { year: number; department: string | null }) =>
  `?year=${q.year}${q.department ? `&department=${q.department}` : ""}`;
