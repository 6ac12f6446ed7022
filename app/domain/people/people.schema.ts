import { z } from "zod";

import { ROLES } from "~/utils/permissions";
import { optionalText } from "~/utils/validation";

export const PERSON_STATUSES = ["ACTIVE", "NEW_HIRE", "TRANSFERRING", "LEFT"] as const;
export type PersonStatusName = (typeof PERSON_STATUSES)[number];

export const EmployeeNoSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "people.employeeNoFormat"));

// Mainland mobile numbers, or a landline with area code.
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const PhoneSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s()]/g, "") || undefined : v),
  z.string().regex(PHONE, "people.phoneFormat").optional(),
);

export const EmailSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z.email("validation.email").max(100).optional(),
);

/** A calendar date as YYYY-MM-DD, stored at UTC midnight. */
export const CalendarDateSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, "validation.date")
    .transform((s) => new Date(`${s}T00:00:00Z`))
    .optional(),
);

/** The fields of a person an administrator edits (form and import share them). */
export const PersonFieldsSchema = z.object({
  employeeNo: EmployeeNoSchema,
  name: z.string().trim().min(1).max(50),
  post: z.string().trim().min(1).max(50),
  phone: PhoneSchema,
  email: EmailSchema,
  hireDate: CalendarDateSchema,
  status: z.enum(PERSON_STATUSES),
});

export const PersonFormSchema = PersonFieldsSchema.extend({
  departmentId: z.string().min(1, "validation.required"),
  reason: optionalText(500),
});
export type PersonForm = z.output<typeof PersonFormSchema>;

type PersonFields = Pick<PersonForm, "employeeNo" | "name" | "departmentId" | "post" | "status"> & {
  phone?: string | null;
  email?: string | null;
  hireDate?: Date | null;
};

/** The Person columns an administrator's form or an import sets (missing optional values clear them). */
export function personColumns(input: PersonFields) {
  return {
    employeeNo: input.employeeNo,
    name: input.name,
    departmentId: input.departmentId,
    post: input.post,
    phone: input.phone ?? null,
    email: input.email ?? null,
    hireDate: input.hireDate ?? null,
    status: input.status,
  };
}

export const RolesFormSchema = z.object({
  roles: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(ROLES))),
  headOfDepartmentId: optionalText(40),
  reason: optionalText(500),
});
