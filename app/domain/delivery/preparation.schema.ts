// The preparation page's forms (zod, shared by page and action).
import { z } from "zod";

import { money } from "~/domain/plan/fields";
import { Id } from "~/utils/params";
import { optionalText } from "~/utils/validation";

import { MAX_AGREED_FEE_FEN, MAX_LABEL } from "./preparation-rules";

export const TickSchema = z.object({ itemId: Id, done: z.enum(["1", "0"]).transform((v) => v === "1") });
export const AddItemSchema = z.object({ label: z.string().trim().min(1).max(MAX_LABEL) });
export const RemoveItemSchema = z.object({ itemId: Id });
export const NoteSchema = z.object({ itemId: Id, note: optionalText(200) });
export const InstitutionSchema = z.object({
  institutionContact: z.string().trim().min(1).max(200),
  // Yuan with up to two decimals; empty while no fee has been agreed yet.
  agreedFee: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    money().pipe(z.number().max(MAX_AGREED_FEE_FEN, "preparation.feeTooHigh")).optional(),
  ),
});
export const BringItemsSchema = z.object({
  bringItems: z
    .string()
    .max(500)
    .transform((s) => s.trim()),
});
export const OverrideSchema = z.object({ reason: z.string().trim().min(1, "preparation.reasonRequired").max(500) });
