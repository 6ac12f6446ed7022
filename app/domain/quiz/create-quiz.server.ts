// A new quiz blueprint. Only the case-work quiz grants the certification, so a new one never does;
// an active new quiz shows on every agent's quiz page at once.
import { Prisma } from "~/generated/prisma/client";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { checkDraws } from "./blueprint-queries.server";
import type { NewQuizInput } from "./blueprint.schema";
import { forgetQuizCatalogue, notifyQuizChange } from "./quiz-catalogue.server";

export type CreateQuizOutcome = { ok: true; id: string } | { ok: false; field: "code" | "draws"; error: string };

const codeTaken = { ok: false as const, field: "code" as const, error: "quiz.blueprint.errors.codeTaken" };

export async function createQuiz(
  actor: { id: string; employeeNo: string },
  input: NewQuizInput,
): Promise<CreateQuizOutcome> {
  const checked = await checkDraws(input.draws);
  if (!checked.ok) return checked;
  const { draws } = checked;
  const { draws: _ignored, ...fields } = input;
  try {
    return await db
      .$transaction(async (tx) => {
        if (await tx.quiz.findUnique({ where: { code: fields.code }, select: { id: true } })) return codeTaken;
        const quiz = await tx.quiz.create({
          data: {
            ...fields,
            grantsCertification: false,
            draws: { createMany: { data: draws.map(([ruleId, count]) => ({ ruleId, count })) } },
          },
          select: { id: true },
        });
        await notifyQuizChange(tx);
        await writeAudit(tx, {
          actor,
          action: "quiz.blueprint_created",
          entityType: "Quiz",
          entityId: quiz.id,
          summary: { ...fields, draws: Object.fromEntries(draws) },
        });
        return { ok: true as const, id: quiz.id };
      })
      .finally(forgetQuizCatalogue);
  } catch (error) {
    // Someone created a quiz with the same code between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return codeTaken;
    throw error;
  }
}
