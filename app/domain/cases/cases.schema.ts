import { z } from "zod";

import { optionalText } from "~/utils/validation";

import { ACTION_TYPES, fullNumbersIn, numberKey, saysThirdParty } from "./action-rules";

export const RELATIONS = ["SELF", "SPOUSE", "PARENT", "CHILD", "RELATIVE", "FRIEND", "COLLEAGUE", "OTHER"] as const;
export const RESULTS = [
  "PROMISED",
  "NEGOTIATING",
  "REFUSED",
  "NO_ANSWER",
  "UNREACHABLE",
  "LEFT_MESSAGE",
  "OTHER",
] as const;

const optionalNumber = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce.number().positive().max(10_000_000).multipleOf(0.01).optional(),
);
const optionalDate = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
    .optional(),
);

/** An action record (行动记载): the call's own time, and a stored number picked or a new one typed. */
export const ActionRecordSchema = z
  .object({
    type: z.enum(ACTION_TYPES),
    numberDialled: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() || undefined : v),
      z
        .string()
        .max(40)
        // A phone however it is typed; an ID or card number goes on to the OPS1 check, which refuses and counts it.
        .refine((v) => numberKey(v) !== null || fullNumbersIn(v).length > 0, "cases.action.numberFormat")
        .optional(),
    ),
    /** One of the case's stored numbers, by its place in the list: the server reads the number itself. */
    phoneId: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d$/, "validation.invalid").optional()),
    /** When the call or visit happened, company time to the minute; empty means now. */
    calledAt: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() || undefined : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "cases.action.calledAtFormat")
        .optional(),
    ),
    contactName: optionalText(50),
    relation: z.enum(RELATIONS),
    result: z.enum(RESULTS),
    promiseAmount: optionalNumber,
    promiseDate: optionalDate,
    note: z.string().trim().min(1).max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.phoneId !== undefined && v.numberDialled !== undefined)
      ctx.addIssue({ code: "custom", path: ["numberDialled"], message: "cases.action.pickOrType" });
    // B8 counts contacts with a third party by name too: whoever answers for the debtor is named.
    if (v.type === "CALL_THIRD_PARTY" && v.relation === "SELF")
      ctx.addIssue({ code: "custom", path: ["relation"], message: "cases.action.relationNotSelf" });
    if (saysThirdParty(v) && !v.contactName)
      ctx.addIssue({ code: "custom", path: ["contactName"], message: "cases.action.contactNeeded" });
    if (v.result !== "PROMISED") return;
    if (v.promiseAmount === undefined)
      ctx.addIssue({ code: "custom", path: ["promiseAmount"], message: "cases.action.promiseNeeded" });
    if (v.promiseDate === undefined)
      ctx.addIssue({ code: "custom", path: ["promiseDate"], message: "cases.action.promiseNeeded" });
  });
export type ActionRecordInput = z.output<typeof ActionRecordSchema>;

export const AssignCasesSchema = z.object({
  caseIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    z.array(z.string().min(1).max(40)).min(1, "cases.assign.noneChosen").max(500),
  ),
  /** An employee number and/or a name, as typed or filled in by a suggestion (agent-options.ts). */
  agent: z.string().trim().min(1, "cases.assign.noAgent").max(60),
});

/** The import form's fields besides the file; whether the person may use the department is the domain's check. */
export const CaseImportSchema = z.object({
  departmentId: z.string().trim().min(1, "cases.import.departmentRequired").max(40),
});

export const RevealSchema = z.object({ field: z.enum(["idNumber", "cardNumber"]) });

export const SlurWordSchema = z.object({ word: z.string().trim().min(1).max(20) });
