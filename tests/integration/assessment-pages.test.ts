// The assessment lists (/assessments) are keyset pages, no silent cap of 200 and no OFFSET: new hires to
// assess by employee number, forms waiting for sign-off the longest waiting first, every form newest first
// (ties on the instant broken by id). Each page holds at most PAGE_SIZE, paging forwards visits every row in
// scope once and in order, paging back gives the same pages reversed, a head sees only their departments.
// docs/lists-audit.md.
import { describe, expect, it } from "vitest";

import { PAGE_SIZE } from "~/domain/assessment/assessment-queries.server";
import type { ApprovalState, Prisma } from "~/generated/prisma/client";
import { loader } from "~/routes/_app.assessments._index";
import { db } from "~/utils/db.server";

import { departments, growPeople, loaderReader, walk, type Paged } from "./list-pages-support";
import { DEMO_AT, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

type Form = { id: string; person: { employeeNo: string } };
type Body = {
  signOffCount: number;
  toAssess: Array<{ employeeNo: string }>;
  signOff: Form[];
  all: ({ items: Form[]; total: number } & Paged) | null;
  pages: Record<"toAssess" | "signOff", Paged>;
};
const read = loaderReader<Body>(loader, "/assessments");

/** The 140 grown people become new hires; each gets a form (two instants only: ties), every other one waiting
 * for sign-off. */
async function growAssessments() {
  await growPeople();
  await db.person.updateMany({ where: { employeeNo: { startsWith: "X" } }, data: { status: "NEW_HIRE" } });
  // In employee-number order, so which forms wait does not hang on the table's row order (it moves with updates).
  const grown = await db.person.findMany({
    where: { employeeNo: { startsWith: "X" } },
    orderBy: { employeeNo: "asc" },
    select: { id: true },
  });
  const assessor = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0001" }, select: { id: true } });
  for (const [i, p] of grown.entries()) {
    const state: ApprovalState = i % 2 ? "SUBMITTED" : "APPROVED";
    const approval = await db.approval.create({
      data: { subjectType: "PreJobAssessment", state, submittedById: assessor.id },
    });
    await db.preJobAssessment.create({
      data: {
        personId: p.id,
        attendanceScore: 90,
        quizScore: 90,
        practiceScore: 90,
        attitudeScore: 90,
        result: "PASS",
        comments: "—",
        assessorId: assessor.id,
        assessedAt: new Date(DEMO_AT.getTime() - (i % 3) * 3_600_000),
        approvalId: approval.id,
      },
    });
  }
}

async function formsInOrder(where: Prisma.PreJobAssessmentWhereInput, dir: 1 | -1) {
  const all = await db.preJobAssessment.findMany({ where, select: { id: true, assessedAt: true } });
  return all
    .sort((a, b) => dir * (a.assessedAt.getTime() - b.assessedAt.getTime() || (a.id < b.id ? -1 : 1)))
    .map((f) => f.id);
}

describe("the assessment lists (岗前考核)", () => {
  it("the training manager pages through every new hire once, by employee number", async () => {
    await growAssessments();
    const pages = await walk(
      read,
      "T0001",
      "?tab=toAssess",
      (p) => p.pages.toAssess,
      (p) => p.toAssess.map((x) => x.employeeNo),
    );
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(PAGE_SIZE);
    const hires = await db.person.findMany({
      where: { status: "NEW_HIRE", disabledAt: null, employeeNo: { not: "T0001" } },
      orderBy: { employeeNo: "asc" },
      select: { employeeNo: true },
    });
    expect(hires.length).toBeGreaterThan(140);
    expect(pages.flat()).toEqual(hires.map((h) => h.employeeNo));
  });

  it("a head pages through the forms waiting for them (their departments only); the badge counts all", async () => {
    await growAssessments();
    const { col1Tree } = await departments();
    const head = await db.person.findUniqueOrThrow({ where: { employeeNo: "D0101" }, select: { id: true } });
    const pages = await walk(
      read,
      "D0101",
      "?tab=signOff",
      (p) => p.pages.signOff,
      (p) => p.signOff.map((f) => f.id),
    );
    expect(pages.length).toBeGreaterThan(1);
    const waiting = await formsInOrder(
      { approval: { state: "SUBMITTED" }, personId: { not: head.id }, person: { departmentId: { in: col1Tree } } },
      1,
    );
    expect(pages.flat()).toEqual(waiting);
    expect((await read("D0101", "?tab=signOff")).signOffCount).toBe(waiting.length);

    const all = await walk(
      read,
      "D0101",
      "?tab=all",
      (p) => p.all!,
      (p) => p.all!.items.map((f) => f.id),
    );
    const visible = await db.preJobAssessment.findMany({
      where: { OR: [{ assessorId: head.id }, { person: { departmentId: { in: col1Tree } } }] },
      select: { id: true },
    });
    expect(all.flat()).toEqual(await formsInOrder({ id: { in: visible.map((v) => v.id) } }, -1));
    expect((await read("D0101", "?tab=all")).all!.total).toBe(visible.length);
  });

  it("every form, newest first, and a cursor the list did not write shows the first page", async () => {
    await growAssessments();
    const pages = await walk(
      read,
      "T0001",
      "?tab=all",
      (p) => p.all!,
      (p) => p.all!.items.map((f) => f.id),
    );
    expect(pages[0].length).toBe(PAGE_SIZE);
    expect(pages.flat()).toEqual(await formsInOrder({}, -1));
    const first = (await read("T0001", "?tab=all")).all!.items.map((f) => f.id);
    for (const stray of ["after=1.2.3", "before=%20", "page=3", `after=${"9".repeat(90)}`])
      expect((await read("T0001", `?tab=all&${stray}`)).all!.items.map((f) => f.id)).toEqual(first);
  });
});
