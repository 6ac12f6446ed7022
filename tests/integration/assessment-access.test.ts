// Who may assess a new hire and who sees which forms: the lecturer of their onboarding course, the heads of
// their department or above, the training manager; anyone else is refused (403) and nothing is written.
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { fileAs, GOOD } from "./assessment-support";
import { cookieFor, outcome, personId, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

describe("who may assess", () => {
  it("refuses anyone but the new hire's lecturer, supervisor or training manager (403, nothing written)", async () => {
    const before = await Promise.all([db.preJobAssessment.count(), db.approval.count(), db.todoItem.count()]);
    // D0201 heads 催收二部, not 催收一部 (C0120's department).
    const head = await fileAs("D0201", "C0120", GOOD);
    expect(head.status).toBe(403);
    expect(head.body).toMatchObject({ errors: { _form: "assessment.errors.notAllowed" } });
    // An agent holds no assess permission at all.
    expect((await fileAs("C0101", "C0120")).status).toBe(403);
    // The new hire themselves.
    expect((await fileAs("C0120", "C0120")).status).toBe(403);
    expect(await Promise.all([db.preJobAssessment.count(), db.approval.count(), db.todoItem.count()])).toEqual(before);
  });

  it("a lecturer of an unrelated course may not assess; the onboarding course's lecturer may", async () => {
    // T0001 lectures the 催收二部 refresher and the transfer course, no onboarding course: as a lecturer only
    // (the training manager's role taken away), they may not assess a new hire.
    await db.roleAssignment.deleteMany({ where: { person: { employeeNo: "T0001" }, role: "TRAINING_MANAGER" } });
    const lectures = await db.course.count({ where: { lecturer: { employeeNo: "T0001" } } });
    expect(lectures).toBeGreaterThan(0);
    const refused = await fileAs("T0001", "C0220");
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errors: { _form: "assessment.errors.notAllowed" } });
    expect((await fileAs("T0003", "C0220")).status).toBe(302);
  });

  it("the head of 催收一部 assesses their new hire; the training manager any new hire", async () => {
    // C0119 has a signed-off form: a new one may follow it.
    expect((await fileAs("D0101", "C0119")).status).toBe(302);
    expect((await fileAs("T0001", "C0220")).status).toBe(302);
  });

  it("the form page refuses the wrong assessor with 403 and says why", async () => {
    const c0120 = await personId("C0120");
    const page = await renderInLayout(
      await cookieFor("D0201"),
      `/assessments/new?personId=${c0120}`,
      "_app.assessments.new",
    );
    expect(page.status).toBe(403);
    expect(page.html).toContain("只有该新员工所参加入职培训的讲师");
    const own = await renderInLayout(
      await cookieFor("D0101"),
      `/assessments/new?personId=${c0120}`,
      "_app.assessments.new",
    );
    expect(own.status).toBe(200);
    expect(own.html).toContain('name="attendanceScore"');
  });
});

describe("what each sees", () => {
  const listed = async (employeeNo: string, tab: string) => {
    const { loader } = await import("~/routes/_app.assessments._index");
    const request = requestAs(await cookieFor(employeeNo), `/assessments?tab=${tab}`);
    const result = await outcome(() => loader({ request, params: {}, context: {} } as never));
    return result.body as {
      toAssess: Array<{ employeeNo: string }>;
      signOff: Array<{ person: { employeeNo: string } }>;
      all: { items: Array<{ person: { employeeNo: string } }> } | null;
    };
  };

  it("D0101 sees 催收一部's new hires and forms, never 催收二部's", async () => {
    const toAssess = (await listed("D0101", "toAssess")).toAssess.map((p) => p.employeeNo);
    expect(toAssess).toEqual(["C0119", "C0120"]);
    const all = (await listed("D0101", "all")).all!.items.map((i) => i.person.employeeNo);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((no) => no.startsWith("C01"))).toBe(true);
    expect((await listed("D0101", "signOff")).signOff).toEqual([]);
  });

  it("D0201's sign-off list holds 催收二部's waiting form", async () => {
    expect((await listed("D0201", "signOff")).signOff.map((i) => i.person.employeeNo)).toEqual(["C0219"]);
  });

  it("the onboarding lecturer sees the new hires of their course; the training manager every new hire", async () => {
    expect((await listed("T0003", "toAssess")).toAssess.map((p) => p.employeeNo)).toEqual([
      "C0119",
      "C0120",
      "C0219",
      "C0220",
    ]);
    expect((await listed("T0001", "toAssess")).toAssess.map((p) => p.employeeNo)).toEqual([
      "C0119",
      "C0120",
      "C0219",
      "C0220",
    ]);
  });

  it("a form outside the viewer's scope does not exist for them (404)", async () => {
    const c02 = await db.preJobAssessment.findFirstOrThrow({
      where: { person: { employeeNo: { startsWith: "C02" } } },
      select: { id: true },
    });
    const { loader } = await import("~/routes/_app.assessments.$assessmentId");
    const request = requestAs(await cookieFor("D0101"), `/assessments/${c02.id}`);
    const result = await outcome(() => loader({ request, params: { assessmentId: c02.id }, context: {} } as never));
    expect(result.status).toBe(404);
  });
});
