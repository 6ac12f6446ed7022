import { z } from "zod";

import { PASSWORD_MAX } from "~/domain/auth/auth.schema";

/** What a trainee types at the kiosk: the login page's two fields, nothing that names a session or clerk. */
export const KioskSchema = z.object({
  employeeNo: z.string().trim().min(1, "validation.required").max(32),
  password: z.string().min(1, "validation.required").max(PASSWORD_MAX),
});
