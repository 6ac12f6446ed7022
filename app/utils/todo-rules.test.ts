import { describe, expect, it } from "vitest";

import { isDismissable } from "./todo-rules";

describe("a to-do the reader puts away", () => {
  it("is a note (approved, withdrawn, cancelled, needs' outcomes), never work that closes when done", () => {
    expect(isDismissable("annualPlan.approved")).toBe(true);
    expect(isDismissable("leave.withdrawn")).toBe(true);
    expect(isDismissable("course.cancelled")).toBe(true);
    expect(isDismissable("needs.outcomesMarked")).toBe(true);
    expect(isDismissable("course.review")).toBe(false);
    expect(isDismissable("course.confirm")).toBe(false);
    expect(isDismissable("quizAssigned")).toBe(false);
    expect(isDismissable("makeUp.offer")).toBe(false);
  });
});
