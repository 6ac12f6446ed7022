// Setting the year's training budget (the training manager) or its cap (the general manager): one
// transaction with its audit entry; a form that showed an older version is refused with 409.
import { companyToday } from "~/domain/settings/settings.server";
import { writeAudit, type AuditActor } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { amountWithinCap, settableYear } from "./training-budget-rules";
import type { BudgetFigureInput } from "./training-budget.schema";

type Outcome = { ok: true; year: number } | { ok: false; error: string; field?: string; status: 400 | 409 };

const CONFLICT = { ok: false as const, error: "budget.conflict", status: 409 as const };

export async function setTrainingBudget(
  actor: NonNullable<AuditActor>,
  figure: "amount" | "cap",
  input: BudgetFigureInput,
): Promise<Outcome> {
  const { year, amount: fen, version } = input;
  if (!settableYear(year, (await companyToday()).year))
    return { ok: false, error: "budget.validation.year", field: "amount", status: 400 };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.trainingBudget.findUnique({ where: { year } });
      if ((row?.version ?? 0) !== version) return CONFLICT;
      if (figure === "amount" && !amountWithinCap(fen, row?.capFen ?? null))
        return { ok: false as const, error: "budget.validation.overCap", field: "amount", status: 400 as const };
      const at = now();
      const data =
        figure === "amount"
          ? { amountFen: fen, amountSetById: actor.id, amountSetAt: at }
          : { capFen: fen, capSetById: actor.id, capSetAt: at };
      let id: string;
      if (!row) id = (await tx.trainingBudget.create({ data: { year, ...data }, select: { id: true } })).id;
      else {
        // The guard: only the version this person saw changes; whoever comes second matches no row.
        const updated = await tx.trainingBudget.updateMany({
          where: { id: row.id, version },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count === 0) return CONFLICT;
        id = row.id;
      }
      const from = figure === "amount" ? (row?.amountFen ?? null) : (row?.capFen ?? null);
      await writeAudit(tx, {
        actor,
        action: figure === "amount" ? "budget.amountSet" : "budget.capSet",
        entityType: "TrainingBudget",
        entityId: id,
        summary: { year, fromFen: from, toFen: fen },
      });
      return { ok: true as const, year };
    });
  } catch (error) {
    // Two first budgets of a year at once: the unique year lets one in.
    if ((error as { code?: string }).code === "P2002") return CONFLICT;
    throw error;
  }
}
