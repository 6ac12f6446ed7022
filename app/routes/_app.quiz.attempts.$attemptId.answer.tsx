import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { saveAnswer } from "~/domain/quiz/answer-question.server";
import { requirePermission } from "~/utils/auth.server";

// JSON endpoint the attempt page posts each answer to the moment it changes (no page data reloads).
const AnswerSchema = z.object({ position: z.coerce.number().int().min(0).max(500), option: z.array(z.string().min(1).max(60)).max(20) });

const STATUS: Record<string, number> = { "errors.notFound": 404, "quiz.alreadySubmitted": 409, "quiz.expired": 409, "quiz.invalidAnswer": 400 };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "take:quiz");
  const form = await request.formData();
  const parsed = AnswerSchema.safeParse({ position: form.get("position"), option: form.getAll("option") });
  if (!parsed.success) return Response.json({ ok: false, error: "validation.invalid" }, { status: 400 });
  const outcome = await saveAnswer(user.id, params.attemptId ?? "", parsed.data.position, parsed.data.option);
  if (outcome.ok) return Response.json({ ok: true });
  return Response.json(outcome, { status: STATUS[outcome.error] ?? 400 });
}
