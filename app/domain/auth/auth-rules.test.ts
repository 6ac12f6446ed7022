import { describe, expect, it } from "vitest";

import { shouldLock } from "./auth-rules";

describe("lockout", () => {
  it("locks at the fifth failure, not before", () => {
    expect(shouldLock(4)).toBe(false);
    expect(shouldLock(5)).toBe(true);
  });
});
