import { describe, expect, it } from "vitest";

import { byLecturer, byNewest } from "../../../tests/support/evaluation-oracle";

import {
  addScores,
  average,
  distribution,
  lecturerNameOf,
  lecturersOfSums,
  NO_SCORES,
  responseRate,
  summarize,
  summaryOfSums,
  type EvaluationRow,
  type ScoreSums,
} from "./evaluation-rules";

const row = (course: number, lecturer: number, venue: number, usefulness: number): EvaluationRow => ({
  courseScore: course,
  lecturerScore: lecturer,
  venueScore: venue,
  usefulnessScore: usefulness,
});

describe("averages", () => {
  it("are rounded to one decimal, half up, and absent when nobody answered", () => {
    expect(average([])).toBeNull();
    expect(average([4, 5])).toBe(4.5);
    expect(average([4, 4, 5])).toBe(4.3);
    expect(average([4, 5, 5])).toBe(4.7);
    // 4.25 → 4.3 (half up), 4.05 → 4.1
    expect(average([4, 4, 4, 5])).toBe(4.3);
    expect(average([...Array(19).fill(4), 5])).toBe(4.1);
  });

  it("give the overall figure from every raw score, not from the rounded question averages", () => {
    // The question averages 3, 3, 3.7, 3.7 would give 3.35 → 3.4; all twelve scores give 40/12 = 3.33 → 3.3.
    const rows = [row(3, 3, 3, 3), row(3, 3, 4, 4), row(3, 3, 4, 4)];
    const summary = summarize(rows);
    expect(summary.averages).toEqual({ course: 3, lecturer: 3, venue: 3.7, usefulness: 3.7 });
    expect(summary.overall).toBe(3.3);
    expect(summary.responses).toBe(3);
    expect(summarize([])).toEqual({
      responses: 0,
      averages: { course: null, lecturer: null, venue: null, usefulness: null },
      overall: null,
    });
  });
});

describe("the response rate", () => {
  it("is answers per invitation as a whole percent, half up", () => {
    expect(responseRate(7, 9)).toBe(78);
    expect(responseRate(1, 8)).toBe(13); // 12.5
    expect(responseRate(0, 5)).toBe(0);
    expect(responseRate(5, 5)).toBe(100);
  });

  it("is absent without invitations and never above 100", () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(6, 5)).toBe(100);
  });
});

it("counts each rating of a question, 1 to 5", () => {
  const rows = [row(5, 1, 3, 3), row(5, 2, 3, 4), row(4, 2, 3, 5)];
  expect(distribution(rows, "course")).toEqual([0, 0, 0, 1, 2]);
  expect(distribution(rows, "lecturer")).toEqual([1, 2, 0, 0, 0]);
  expect(distribution(rows, "venue")).toEqual([0, 0, 3, 0, 0]);
  expect(distribution([], "usefulness")).toEqual([0, 0, 0, 0, 0]);
});

it("names the lecturer: the internal person, else the external trainer, else the institution", () => {
  const base = { lecturer: null, externalLecturer: null, externalOrg: null };
  expect(lecturerNameOf({ ...base, lecturerKind: "INTERNAL", lecturer: { name: "何文博" } })).toBe("何文博");
  expect(lecturerNameOf({ ...base, lecturerKind: "EXTERNAL", externalLecturer: "吴老师", externalOrg: "某机构" })).toBe(
    "吴老师",
  );
  expect(lecturerNameOf({ ...base, lecturerKind: "EXTERNAL", externalOrg: "集团培训中心" })).toBe("集团培训中心");
  expect(lecturerNameOf({ ...base, lecturerKind: "INTERNAL" })).toBe("");
});

describe("per lecturer", () => {
  const courses = [
    { courseId: "a", lecturerName: "何文博", startsAt: null, invited: 3, answered: 2 },
    { courseId: "b", lecturerName: "何文博", startsAt: null, invited: 2, answered: 1 },
    { courseId: "c", lecturerName: "周雅琴", startsAt: null, invited: 2, answered: 1 },
    { courseId: "d", lecturerName: "吴老师", startsAt: null, invited: 4, answered: 0 },
  ];
  const rows = [
    { ...row(4, 4, 4, 4), courseId: "a" },
    { ...row(4, 4, 4, 4), courseId: "a" },
    { ...row(5, 5, 5, 5), courseId: "b" },
    { ...row(5, 5, 5, 4), courseId: "c" },
  ];

  it("weighs every answer alike across the lecturer's courses and counts their courses", () => {
    const [first, second, third] = byLecturer(courses, rows);
    expect(first).toMatchObject({ lecturerName: "周雅琴", courses: 1, responses: 1, overall: 4.8 });
    // (4+4+5)/3 per question = 4.33 → 4.3, not the mean of the two courses' 4 and 5.
    expect(second).toMatchObject({ lecturerName: "何文博", courses: 2, responses: 3, overall: 4.3 });
    expect(second.averages.course).toBe(4.3);
    // Not rated yet: last.
    expect(third).toMatchObject({ lecturerName: "吴老师", courses: 1, responses: 0, overall: null });
  });
});

it("lists courses newest first", () => {
  const c = (title: string, day: number | null) => ({
    title,
    startsAt: day === null ? null : new Date(Date.UTC(2026, 0, day)),
  });
  expect(byNewest([c("一", 3), c("二", 10), c("三", null), c("四", 5)]).map((x) => x.title)).toEqual([
    "二",
    "四",
    "一",
    "三",
  ]);
});

describe("figures from the database's sums", () => {
  const sumsOf = (rows: EvaluationRow[]) =>
    rows.reduce<ScoreSums>((s, r) => addScores(s, { ...r, responses: 1 }), NO_SCORES);
  const sets = [
    [],
    [row(3, 3, 3, 3), row(3, 3, 4, 4), row(3, 3, 4, 4)],
    [row(4, 4, 4, 5), row(4, 4, 4, 4), row(4, 4, 4, 4), row(5, 4, 4, 4)],
    Array.from({ length: 37 }, (_, i) => row((i % 5) + 1, ((i * 3) % 5) + 1, ((i * 7) % 5) + 1, 5 - (i % 4))),
  ];

  it("are those of the answers themselves, rounded once", () => {
    for (const rows of sets) expect(summaryOfSums(sumsOf(rows))).toEqual(summarize(rows));
  });

  it("give each lecturer what byLecturer gives from the rows, in its order", () => {
    const courses = [
      { courseId: "a", lecturerName: "何文博", startsAt: null, invited: 3, answered: 2 },
      { courseId: "b", lecturerName: "何文博", startsAt: null, invited: 2, answered: 1 },
      { courseId: "c", lecturerName: "周雅琴", startsAt: null, invited: 2, answered: 1 },
      { courseId: "d", lecturerName: "吴老师", startsAt: null, invited: 4, answered: 0 },
      { courseId: "e", lecturerName: "林静", startsAt: null, invited: 1, answered: 1 },
    ];
    const rows = [
      { ...row(4, 4, 4, 4), courseId: "a" },
      { ...row(4, 4, 4, 4), courseId: "a" },
      { ...row(5, 5, 5, 5), courseId: "b" },
      { ...row(5, 5, 5, 4), courseId: "c" },
      { ...row(5, 5, 5, 4), courseId: "e" },
    ];
    const groups = [...new Set(courses.map((c) => c.lecturerName))].map((lecturerName) => {
      const ids = courses.filter((c) => c.lecturerName === lecturerName).map((c) => c.courseId);
      return { lecturerName, courses: ids.length, ...sumsOf(rows.filter((r) => ids.includes(r.courseId))) };
    });
    expect(lecturersOfSums(groups)).toEqual(byLecturer(courses, rows));
    expect(lecturersOfSums([...groups].reverse())).toEqual(byLecturer(courses, rows));
  });
});
