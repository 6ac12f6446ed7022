// Attack: an agent refused at the case page (no valid case-work certification) opens the case list
// instead, which used to show every assigned debtor's name, bank, masked card and amount owed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import * as casesPage from "~/routes/_app.cases._index";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  demoDayAt,
  outcome,
  personId,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "../integration/support";

const context = { cspNonce: "" };

type ListBody = {
  cases: Array<{ caseNo: string; debtorName: string; assignedTo: { employeeNo: string } | null }>;
  gate: { status: string } | null;
};

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(demoDayAt("10:00"));
  await seedDemoCompany();
});
afterEach(() => setClock(null));

const list = async (employeeNo: string, url = "/cases") =>
  (
    await outcome(async () =>
      casesPage.loader({ request: requestAs(await cookieFor(employeeNo), url), params: {}, context }),
    )
  ).body as ListBody;

/** Everything of a person's cases that identifies a debtor, to look for in what the server returns. */
const debtorDataOf = async (employeeNo: string) => {
  const rows = await db.collectionCase.findMany({
    where: { assignedTo: { employeeNo } },
    select: { caseNo: true, debtorName: true, cardNumberMasked: true, clientBank: true },
  });
  expect(rows.length).toBeGreaterThan(0);
  return rows.flatMap((r) => [r.caseNo, r.debtorName, r.cardNumberMasked]);
};

describe("the case list of an agent who may not work cases", () => {
  it("returns no case at all, only why, for every filter", async () => {
    // C0101 never passed the case-work quiz (demo data) and has cases assigned.
    const secrets = await debtorDataOf("C0101");
    for (const url of ["/cases", "/cases?assigned=yes", "/cases?assigned=no"]) {
      const body = await list("C0101", url);
      expect(body.cases).toEqual([]);
      expect(body.gate).toMatchObject({ status: "never" });
      const sent = JSON.stringify(body);
      for (const secret of secrets) expect(sent).not.toContain(secret);
    }
  });

  it("shows the reason and the way to the quiz, and no debtor", async () => {
    const secrets = await debtorDataOf("C0101");
    const page = await renderInLayout(await cookieFor("C0101"), "/cases", "_app.cases._index");
    expect(page.status).toBe(200);
    expect(page.html).toContain("您暂不能处理案件");
    expect(page.html).toContain("您尚未通过案件作业资格考核");
    expect(page.html).toMatch(/href="\/quiz"/);
    expect(page.html).not.toContain("<table");
    for (const secret of secrets) expect(page.html).not.toContain(secret);
  });

  it("hides the list of a certified agent once the certification has expired", async () => {
    expect((await list("C0102")).cases.length).toBeGreaterThan(0);
    // Years later, with no quiz taken since, C0102's certification has run out.
    freezeClock(demoDayAt("10:00", 3 * 366));
    const body = await list("C0102");
    expect(body.cases).toEqual([]);
    expect(body.gate).toMatchObject({ status: "expired" });
  });
});

describe("those the gate does not stop", () => {
  it("a certified agent sees their own cases", async () => {
    const body = await list("C0102");
    expect(body.gate).toBeNull();
    expect(body.cases.length).toBeGreaterThan(0);
    expect(new Set(body.cases.map((c) => c.assignedTo?.employeeNo))).toEqual(new Set(["C0102"]));
  });

  it("a department head still reads the department's cases, the uncertified agent's included", async () => {
    const body = await list("D0101");
    expect(body.gate).toBeNull();
    const c0101 = await db.collectionCase.findMany({ where: { assignedTo: { employeeNo: "C0101" } } });
    expect(body.cases.map((c) => c.caseNo)).toEqual(expect.arrayContaining(c0101.map((c) => c.caseNo)));
  });

  it("a head assigned a case of their own, without a certification, does not see that one", async () => {
    const kase = await db.collectionCase.findFirstOrThrow({
      where: { department: { code: "COL1" }, assignedToId: null },
      select: { caseNo: true, id: true },
    });
    await db.collectionCase.update({ where: { id: kase.id }, data: { assignedToId: await personId("D0101") } });
    const body = await list("D0101");
    expect(body.cases.length).toBeGreaterThan(0);
    expect(body.cases.map((c) => c.caseNo)).not.toContain(kase.caseNo);
  });
});
