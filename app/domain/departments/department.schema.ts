import { z } from "zod";

import { optionalText } from "~/utils/validation";

export const DEPARTMENT_KINDS = ["COMPANY", "DEPARTMENT", "TEAM"] as const;

export const DepartmentFormSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, "departments.codeFormat")),
  name: z.string().trim().min(1).max(50),
  kind: z.enum(DEPARTMENT_KINDS),
  parentId: optionalText(40),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
  reason: optionalText(500),
});
export type DepartmentForm = z.output<typeof DepartmentFormSchema>;
