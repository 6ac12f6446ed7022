import { describe, expect, it } from "vitest";

import { serverT } from "~/utils/i18n";
import { fieldErrors, translateMessage } from "~/utils/validation";

import { ChangePasswordSchema, PASSWORD_MIN } from "./auth.schema";

describe("password policy", () => {
  const change = (newPassword: string, confirmPassword = newPassword) =>
    ChangePasswordSchema.safeParse({ currentPassword: "old-password-123", newPassword, confirmPassword });

  it("needs at least 12 characters", () => {
    expect(change("short-pass1").success).toBe(false);
    expect(change("long-enough-1").success).toBe(true);
  });

  it("a password too short is told the minimum the rule sets, in either language", () => {
    const result = change("x".repeat(PASSWORD_MIN - 1));
    const message = result.success ? undefined : fieldErrors(result.error).newPassword;
    expect(translateMessage(serverT("en"), message)).toBe(
      `The password must have at least ${PASSWORD_MIN} characters.`,
    );
    expect(translateMessage(serverT("zh-CN"), message)).toBe(`密码至少需要 ${PASSWORD_MIN} 个字符。`);
    // The catalogs take the number from the rule rather than repeating it.
    expect(serverT("en")("auth.passwordTooShort", { min: 20 })).toContain("20");
    expect(serverT("zh-CN")("auth.passwordTooShort", { min: 20 })).toContain("20");
  });

  it("needs the confirmation to match and the password to change", () => {
    expect(change("long-enough-1", "long-enough-2").success).toBe(false);
    expect(change("old-password-123").success).toBe(false);
  });
});
