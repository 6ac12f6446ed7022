import { z } from "zod";

import { messageKey } from "~/utils/validation";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const LoginSchema = z.object({
  employeeNo: z.string().trim().min(1, "validation.required").max(32),
  password: z.string().min(1, "validation.required").max(PASSWORD_MAX),
  redirectTo: z.string().optional(),
});

export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, messageKey("auth.passwordTooShort", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX);

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(PASSWORD_MAX),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string().min(1, "validation.required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "auth.passwordMismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "auth.passwordUnchanged" });
