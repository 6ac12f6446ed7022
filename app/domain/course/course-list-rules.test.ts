import { describe, expect, it } from "vitest";

import { decodeCourseCursor, encodeCourseCursor } from "./course-list-rules";

describe("the course list's cursor", () => {
  it("reads back what it wrote", () => {
    const row = { year: 2026, month: 3, createdAt: new Date(Date.UTC(2026, 1, 20, 8, 30, 0, 123)), id: "cm1abc" };
    expect(decodeCourseCursor(encodeCourseCursor(row))).toEqual(row);
  });

  it.each(["", "2026.13.1.x", "2026.3.abc.x", "2026.3.1.X;drop", "20260.3.1.x", "2026.3.1", "0.0.0.0"])(
    "is the first page for %j",
    (value) => {
      expect(decodeCourseCursor(value)).toBeNull();
    },
  );
});
