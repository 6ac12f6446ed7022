import { z } from "zod";

import { NewPasswordSchema } from "~/domain/auth/auth.schema";
import { optionalText } from "~/utils/validation";

export const SetPasswordSchema = z.object({ password: NewPasswordSchema, reason: optionalText(500) });
export const SetDisabledSchema = z.object({
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
  reason: optionalText(500),
});
export const UnlockSchema = z.object({ reason: optionalText(500) });
