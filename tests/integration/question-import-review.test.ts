// Imported questions wait for review: never drawn before a training manager activates them (audited),
// only someone who manages the bank may activate, and a stem already in the bank is flagged.
import { beforeEach, describe, expect, it } from "vitest";

import { activateQuestions } from "~/domain/quiz/activate-questions.server";
import { importQuestions } from "~/domain/quiz/import-questions.server";
import { listQuestions } from "~/domain/quiz/question-queries.server";
import { forgetQuizCatalogue } from "~/domain/quiz/quiz-catalogue.server";
import { startAttempt } from "~/domain/quiz/start-attempt.server";
import { action } from "~/routes/_app.quiz.questions._index";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

let manager: { id: string; employeeNo: string };
let quizId: string;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  manager = { id: await personId("T0001"), employeeNo: "T0001" };
  quizId = (await db.quiz.findUniqueOrThrow({ where: { code: "CASE_WORK" } })).id;
});

const gift = (text: string) => ({ name: "review.gift", bytes: new TextEncoder().encode(text) });
const THREE = `::r1:: 债务人说正在住院，应当怎么做？ {=记录情况，另约时间 ~继续催收}

::r2:: 可以冒充法院工作人员吗？ {T}

::r3:: 哪些时间不得催收？ {~%50%22\\:00 以后 ~%50%8\\:00 以前 ~%-100%午休时间}
`;

async function importThree() {
  const done = await importQuestions(manager, gift(THREE), { defaultRuleId: "B1", skipUnsupported: false });
  if (!done.ok) throw new Error(JSON.stringify(done));
  return done;
}

const activate = async (employeeNo: string, form: Record<string, string>) =>
  outcome(async () =>
    action({
      request: requestAs(await cookieFor(employeeNo), "/quiz/questions", { form }),
      params: {},
      context: { cspNonce: "" },
    }),
  );

async function freshStart(employeeNo: string) {
  const id = await personId(employeeNo);
  await db.quizAttempt.deleteMany({ where: { personId: id } });
  return startAttempt({ id }, quizId, "FULL");
}

describe("imported questions wait for review", () => {
  it("start inactive in one batch, never drawn until T0001 activates them, each activation audited", async () => {
    // Only the imported questions could be drawn: the rest of the bank is switched off.
    await db.quizQuestion.updateMany({ data: { active: false } });
    forgetQuizCatalogue();
    const done = await importThree();
    expect(done).toMatchObject({ created: 3, batchId: expect.any(String) });
    const imported = await db.quizQuestion.findMany({
      where: { importBatchId: done.batchId },
      select: { id: true, active: true, reviewPending: true },
    });
    expect(imported).toHaveLength(3);
    expect(imported.every((q) => !q.active && q.reviewPending)).toBe(true);

    for (const agent of ["C0105", "C0106"])
      expect(await freshStart(agent)).toEqual({ ok: false, error: "quiz.refused.noQuestions" });
    expect(await db.quizAttemptQuestion.count({ where: { questionId: { in: imported.map((q) => q.id) } } })).toBe(0);
    const pending = await listQuestions({ review: "pending" });
    expect(pending.questions.map((q) => q.id).sort()).toEqual(imported.map((q) => q.id).sort());

    const result = await activate("T0001", { intent: "activateBatch", batchId: done.batchId! });
    expect(result.status).toBe(302);
    const audits = await db.auditEntry.findMany({
      where: { action: "quiz.question_activated" },
      select: { entityId: true, actorId: true },
    });
    expect(audits.map((a) => a.entityId).sort()).toEqual(imported.map((q) => q.id).sort());
    expect(audits.every((a) => a.actorId === manager.id)).toBe(true);

    const started = await freshStart("C0105");
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const drawn = await db.quizAttemptQuestion.findMany({ where: { attemptId: started.attemptId } });
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((d) => imported.some((q) => q.id === d.questionId))).toBe(true);
  });

  it("one question can be activated on its own; the rest of its batch keeps waiting", async () => {
    const done = await importThree();
    const [first, ...rest] = await db.quizQuestion.findMany({
      where: { importBatchId: done.batchId },
      orderBy: { stem: "asc" },
    });
    expect((await activate("T0001", { intent: "activate", questionId: first.id })).status).toBe(302);
    expect(await db.quizQuestion.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      active: true,
      reviewPending: false,
    });
    const others = await db.quizQuestion.findMany({ where: { id: { in: rest.map((q) => q.id) } } });
    expect(others.every((q) => q.reviewPending && !q.active)).toBe(true);
    expect(await db.auditEntry.count({ where: { action: "quiz.question_activated" } })).toBe(1);
  });

  it("two reviewers activating the same batch at once activate and audit each question once", async () => {
    const done = await importThree();
    const [a, b] = await Promise.all([
      activateQuestions(manager, { batchId: done.batchId! }, { confirmDuplicates: false }),
      activateQuestions(manager, { batchId: done.batchId! }, { confirmDuplicates: false }),
    ]);
    // The later one finds nothing left (404) or nothing left to change (0): never a second activation.
    const counts = [a, b].map((r) => (r.ok ? r.activated : (expect(r.error).toBe("errors.notFound"), 0)));
    expect(counts[0] + counts[1]).toBe(3);
    expect(await db.auditEntry.count({ where: { action: "quiz.question_activated" } })).toBe(3);
  });

  it.each(["C0101", "D0101"])("%s cannot activate (403, audited), and the question keeps waiting", async (who) => {
    const done = await importThree();
    const refusedBefore = await db.auditEntry.count({ where: { action: "auth.refused" } });
    const result = await activate(who, { intent: "activateBatch", batchId: done.batchId! });
    expect(result.status).toBe(403);
    expect(await db.auditEntry.count({ where: { action: "auth.refused" } })).toBe(refusedBefore + 1);
    expect(await db.quizQuestion.count({ where: { importBatchId: done.batchId, reviewPending: true } })).toBe(3);
    expect(await db.auditEntry.count({ where: { action: "quiz.question_activated" } })).toBe(0);
  });

  it("saving the edit form with 'active' ticked does not activate a question waiting for review", async () => {
    const done = await importThree();
    const q = await db.quizQuestion.findFirstOrThrow({
      where: { importBatchId: done.batchId, kind: "TRUE_FALSE" },
    });
    const { saveQuestion } = await import("~/domain/quiz/save-question.server");
    await saveQuestion(manager, q.id, {
      kind: "TRUE_FALSE",
      stem: q.stem,
      explanation: "不得冒充司法机关。",
      ruleIds: ["B1"],
      options: [
        { text: "正确", correct: true },
        { text: "错误", correct: false },
      ],
      active: true,
    });
    expect(await db.quizQuestion.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({
      active: false,
      reviewPending: true,
    });
  });
});

describe("a stem already in the bank", () => {
  it("is flagged on import and in the review list, and is activated only once confirmed", async () => {
    const existing = await db.quizQuestion.findFirstOrThrow({
      where: { active: true, kind: "SINGLE" },
      orderBy: { id: "asc" },
    });
    // Typed differently: full-width digits and letters, extra spaces, other case; escaped for GIFT.
    const retyped = `  ${existing.stem.replace(/[0-9A-Za-z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    )}   `.replace(/[:{}=~#]/g, (c) => `\\${c}`);
    const done = await importQuestions(manager, gift(`::dup:: ${retyped} {=甲#对 ~乙}\n`), {
      defaultRuleId: "B1",
      skipUnsupported: false,
    });
    expect(done.ok).toBe(true);
    expect(done.notes).toEqual([{ where: "dup", message: expect.stringContaining("quiz.import.notes.duplicate") }]);

    const pending = await listQuestions({ review: "pending" });
    expect(pending.questions).toHaveLength(1);
    expect(pending.questions[0].duplicateOf.map((d) => d.id)).toEqual([existing.id]);

    const id = pending.questions[0].id;
    const reviewer = await cookieFor("T0001");
    const list = await renderInLayout(reviewer, "/quiz/questions?review=pending", "_app.quiz.questions._index");
    for (const shown of ["待审核", "疑似重复", "全部启用", "确认重复的题目也启用", "与已有题目重复"])
      expect(list.html).toContain(shown);
    const preview = await renderInLayout(reviewer, `/quiz/questions/${id}`, "_app.quiz.questions.$questionId");
    expect(preview.html).toContain("正在等待审核");
    expect(preview.html).toContain("选项反馈：对");
    const refused = await activate("T0001", { intent: "activate", questionId: id });
    expect(refused.status).toBe(400);
    expect(await db.quizQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewPending: true });

    const confirmed = await activate("T0001", { intent: "activate", questionId: id, confirmDuplicates: "on" });
    expect(confirmed.status).toBe(302);
    expect(await db.quizQuestion.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "quiz.question_activated" } });
    expect(audit.summary).toMatchObject({ duplicateOf: [existing.id] });
  });
});
