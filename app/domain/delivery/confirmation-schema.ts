// Inputs of the confirmation page's forms (zod; shared by the page and the action).
import { z } from "zod";

import { Id } from "~/utils/params";

const Reason = z
  .string()
  .trim()
  .min(1, "confirmations.validation.reasonRequired")
  .max(500, "confirmations.validation.reasonTooLong");

export const RequestSchema = z.object({
  confirmBy: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "confirmations.validation.date")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const ConfirmSchema = z.object({ departmentId: Id });

export const SwapSchema = z.object({
  departmentId: Id,
  personId: Id,
  replacementId: z.string().trim().min(1, "confirmations.validation.replacementRequired"),
  reason: Reason,
});

export const WithdrawSchema = z.object({
  departmentId: Id,
  personId: Id,
  reason: Reason,
  sure: z.literal("yes", { message: "confirmations.validation.sure" }),
});

export const RemindSchema = z.object({ departmentId: z.string().optional() });
