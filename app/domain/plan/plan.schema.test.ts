import { describe, expect, it } from "vitest";

import { fieldErrors } from "~/utils/validation";

import { planItemSchema } from "./plan.schema";

const item = (over: Record<string, string | string[]> = {}) => ({
  title: "法律法规培训",
  category: "EXTERNAL",
  months: ["5"],
  targetPeople: "催收组长",
  sessions: "1",
  hoursPerSession: "6",
  delivery: "EXTERNAL",
  lecturerType: "EXTERNAL",
  budget: "3000",
  headcount: "2",
  departmentId: "dept-1",
  lecturerName: "外聘律师",
  ...over,
});
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = planItemSchema(2027).safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe("an annual plan item's category, delivery and lecturer fit together", () => {
  it("external training with an internal lecturer is refused on the lecturer", () => {
    expect(errorsOf(item({ lecturerType: "INTERNAL", lecturerName: "" }))).toEqual({
      lecturerType: "plan.validation.outsideLecturer",
    });
    expect(errorsOf(item({ category: "GROUP", lecturerType: "INTERNAL", lecturerName: "" }))).toEqual({
      lecturerType: "plan.validation.outsideLecturer",
    });
  });

  it("external training delivered internally is refused on the delivery", () => {
    expect(errorsOf(item({ delivery: "INTERNAL" }))).toEqual({ delivery: "plan.validation.outsideDelivery" });
  });

  it("external and group lecturers for outside training, and any lecturer for internal training, are fine", () => {
    expect(errorsOf(item())).toEqual({});
    expect(errorsOf(item({ category: "GROUP", lecturerType: "GROUP" }))).toEqual({});
    expect(errorsOf(item({ category: "INTERNAL", delivery: "EXTERNAL", lecturerType: "EXTERNAL" }))).toEqual({});

    expect(
      errorsOf(item({ category: "INTERNAL", delivery: "INTERNAL", lecturerType: "INTERNAL", lecturerName: "" })),
    ).toEqual({});
  });
});

describe("an item held in several months", () => {
  it("needs a session in each of them, so every month's totals count it", () => {
    expect(errorsOf(item({ months: ["1", "2", "3"], sessions: "1" }))).toEqual({
      sessions: 'plan.validation.sessionsPerMonth::{"months":3}',
    });
    expect(errorsOf(item({ months: ["1", "2", "3"], sessions: "3" }))).toEqual({});
  });
});

describe("the document's headcount, responsible department and lecturer", () => {
  it("headcount and department are required; the headcount is a whole number of people", () => {
    expect(errorsOf(item({ headcount: "", departmentId: "" }))).toEqual({
      headcount: "validation.required",
      departmentId: "validation.required",
    });
    expect(errorsOf(item({ headcount: "2.5" }))).toEqual({ headcount: "training.validation.wholeNumber" });
    expect(errorsOf(item({ headcount: "-3" }))).toEqual({ headcount: "training.validation.negative" });
  });

  it("the lecturer may be left to decide, and fits the lecturer type when given", () => {
    expect(errorsOf(item({ lecturerName: "" }))).toEqual({});
    expect(errorsOf(item({ lecturerId: "p1", lecturerName: "" }))).toEqual({
      lecturerId: "plan.validation.lecturerPersonInternal",
    });
    expect(
      errorsOf(item({ category: "INTERNAL", delivery: "INTERNAL", lecturerType: "INTERNAL", lecturerId: "p1" })),
    ).toEqual({ lecturerName: "plan.validation.lecturerNameExternal" });
  });
});
