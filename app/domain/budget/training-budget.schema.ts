// The budget page's forms: the training manager's amount and the general manager's cap (yuan in, fen stored),
// each with the version of the budget the page showed.
import { z } from "zod";

import { money } from "~/domain/plan/fields";

const BudgetFigure = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  amount: money(),
  version: z.coerce.number().int().min(0),
});

export const BudgetIntent = z.discriminatedUnion("intent", [
  BudgetFigure.extend({ intent: z.literal("amount") }),
  BudgetFigure.extend({ intent: z.literal("cap") }),
]);
export type BudgetFigureInput = z.infer<typeof BudgetFigure>;
