// The pre-job assessment's loop: filed and sent for sign-off in one step, signed off or returned with a
// reason by a head above the new hire, revised and sent again by the assessor; every step audited and on
// the right to-do list; two decisions at once: one wins, the other 409.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { fileAs, GOOD, idFrom, postAs } from "./assessment-support";
import { flashOf, personId, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

const todos = async (employeeNo: string, kind: string) =>
  db.todoItem.count({ where: { personId: await personId(employeeNo), kind, doneAt: null } });

describe("filing", () => {
  it("the lecturer files a form: waiting for the head's sign-off, audited, on the head's list", async () => {
    const filed = await fileAs("T0003", "C0220");
    expect(filed.status).toBe(302);
    expect(await flashOf(filed)).toMatchObject({ message: "assessment.notices.filed" });
    const form = await db.preJobAssessment.findUniqueOrThrow({
      where: { id: idFrom(filed.location) },
      select: { result: true, quizScore: true, assessorId: true, approval: { select: { state: true } } },
    });
    expect(form).toMatchObject({ result: "PASS", quizScore: 95, assessorId: await personId("T0003") });
    expect(form.approval.state).toBe("SUBMITTED");
    expect(await todos("D0201", "assessment.review")).toBe(2); // C0219's demo form and this one
    expect(await todos("D0101", "assessment.review")).toBe(0);
    const actions = await db.auditEntry.findMany({
      where: { entityId: idFrom(filed.location) },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["assessment.created", "assessment.submitted"]);
  });

  it("bad input: 400 with the message, the values kept, nothing written", async () => {
    const before = await db.preJobAssessment.count();
    const tooHigh = await fileAs("T0003", "C0220", { ...GOOD, practiceScore: "101" });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body).toMatchObject({ errors: { practiceScore: expect.stringContaining("validation.tooBig") } });
    expect(tooHigh.body).toMatchObject({ values: { practiceScore: "101" } });
    // Extending or failing without a word: refused.
    for (const result of ["EXTEND", "FAIL"]) {
      const silent = await fileAs("T0003", "C0220", { ...GOOD, result, comments: " " });
      expect(silent.status).toBe(400);
      expect(silent.body).toMatchObject({ errors: { comments: "assessment.errors.commentsRequired" } });
    }
    expect(await db.preJobAssessment.count()).toBe(before);
  });

  it("a second form while one is open is refused (409), pointing at the open one", async () => {
    // C0219 has a demo form waiting for D0201.
    const second = await fileAs("T0003", "C0219");
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ errors: { _form: expect.stringContaining("assessment.errors.alreadyOpen") } });
  });

  it("only for a new hire: an active agent cannot be assessed", async () => {
    const active = await fileAs("T0001", "C0102");
    expect(active.status).toBe(409);
    expect(active.body).toMatchObject({ errors: { _form: "assessment.errors.notNewHire" } });
  });
});

describe("sign-off", () => {
  it("the head returns the form with a reason; the assessor revises and resends it; the head signs off", async () => {
    const id = idFrom((await fileAs("T0003", "C0220")).location);
    // Without a reason: refused, nothing recorded.
    const noReason = await postAs("D0201", id, { intent: "REJECT", revision: "1" });
    expect(noReason.status).toBe(400);
    const returned = await postAs("D0201", id, { intent: "REJECT", revision: "1", reason: "模拟通话分数与录音不符" });
    expect(returned.status).toBe(302);
    expect(await todos("T0003", "assessment.revise")).toBe(1);
    const revise = await db.todoItem.findFirstOrThrow({
      where: { kind: "assessment.revise", personId: await personId("T0003") },
      select: { params: true },
    });
    expect(revise.params).toMatchObject({ reason: "模拟通话分数与录音不符" });

    // Someone else (the training manager) cannot revise the lecturer's form.
    const other = await postAs("T0001", id, { intent: "revise", revision: "2", ...GOOD });
    expect(other.status).toBe(403);

    const revised = await postAs("T0003", id, { intent: "revise", revision: "2", ...GOOD, practiceScore: "70" });
    expect(revised.status).toBe(302);
    expect(await todos("T0003", "assessment.revise")).toBe(0);
    const signed = await postAs("D0201", id, { intent: "APPROVE", revision: "2" });
    expect(signed.status).toBe(302);
    const form = await db.preJobAssessment.findUniqueOrThrow({
      where: { id },
      select: { practiceScore: true, approval: { select: { state: true, revision: true } } },
    });
    expect(form).toMatchObject({ practiceScore: 70, approval: { state: "APPROVED", revision: 2 } });
    expect(await todos("T0003", "assessment.approved")).toBe(1);
    const audit = await db.auditEntry.findMany({
      where: { entityId: id },
      // Entries written at one frozen instant keep the order they were written in.
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "assessment.created",
      "assessment.submitted",
      "assessment.rejected",
      "assessment.revised",
      "assessment.submitted",
      "assessment.approved",
    ]);
    // Signed off: final. Revising it again is refused.
    expect((await postAs("T0003", id, { intent: "revise", revision: "2", ...GOOD })).status).toBe(409);
  });

  it("two decisions at once: one wins, the other is told 409", async () => {
    const id = idFrom((await fileAs("T0003", "C0220")).location);
    const results = await Promise.all([
      postAs("D0201", id, { intent: "APPROVE", revision: "1" }),
      postAs("D0201", id, { intent: "REJECT", revision: "1", reason: "请补充评语" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const decisions = await db.approvalDecision.count({
      where: { approval: { assessment: { id } }, action: { in: ["APPROVE", "REJECT"] } },
    });
    expect(decisions).toBe(1);
  });

  it("only a head above the new hire signs off: D0101 cannot sign a 催收二部 form, nor the lecturer (403)", async () => {
    const id = idFrom((await fileAs("T0003", "C0220")).location);
    for (const who of ["D0101", "T0003", "T0001"]) {
      const refused = await postAs(who, id, { intent: "APPROVE", revision: "1" });
      expect(refused.status, who).toBe(403);
    }
    const state = await db.approval.findFirstOrThrow({ where: { assessment: { id } }, select: { state: true } });
    expect(state.state).toBe("SUBMITTED");
  });
});
