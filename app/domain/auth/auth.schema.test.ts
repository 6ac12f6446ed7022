import { describe, expect, it } from "vitest";
import { ChangePasswordSchema, safeRedirect } from "./auth.schema";

describe("password policy", () => {
  const change = (newPassword: string, confirmPassword = newPassword) => ChangePasswordSchema.safeParse({ currentPassword: "old-password-123", newPassword, confirmPassword });

  it("needs at least 12 characters", () => {
    expect(change("short-pass1").success).toBe(false);
    expect(change("long-enough-1").success).toBe(true);
  });

  it("needs the confirmation to match and the password to change", () => {
    expect(change("long-enough-1", "long-enough-2").success).toBe(false);
    expect(change("old-password-123").success).toBe(false);
  });
});

describe("redirect after login", () => {
  it("stays on this site", () => {
    expect(safeRedirect("/people?page=2")).toBe("/people?page=2");
    expect(safeRedirect("https://evil.example")).toBe("/home");
    expect(safeRedirect("//evil.example")).toBe("/home");
    expect(safeRedirect("/\\evil.example")).toBe("/home");
    expect(safeRedirect(undefined)).toBe("/home");
  });
});
