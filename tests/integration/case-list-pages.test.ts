// The case list of a large department: every case reachable by keyset pages, the true total, search
// by case number, debtor and bank, and assignment only to certified agents.
import { beforeEach, afterEach, describe, expect, it } from "vitest";

import type { AgentOption } from "~/domain/cases/agent-options";
import * as casesPage from "~/routes/_app.cases._index";
import * as agentSuggestions from "~/routes/cases.agents[.json]";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  demoDayAt,
  outcome,
  renderInLayout,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const context = { cspNonce: "" };
const GENERATED = 1_200;

type ListBody = {
  cases: Array<{ id: string; caseNo: string; debtorName: string; clientBank: string }>;
  total: number;
  next: string | null;
  previous: string | null;
};

const list = async (employeeNo: string, url: string) => {
  const cookie = await cookieFor(employeeNo);
  const result = await outcome(() => casesPage.loader({ request: requestAs(cookie, url), params: {}, context }));
  expect(result.status).toBe(200);
  return result.body as ListBody;
};

/** Follows the next links from `url` (or the previous links) to the end; every case number seen, in order. */
async function walk(employeeNo: string, url: string, direction: "next" | "previous" = "next") {
  const seen: string[] = [];
  let body = await list(employeeNo, url);
  for (let pages = 0; pages < 100; pages++) {
    seen.push(...(direction === "next" ? body.cases : [...body.cases].reverse()).map((c) => c.caseNo));
    const cursor = body[direction];
    if (!cursor) return { seen, last: body };
    const sep = url.includes("?") ? "&" : "?";
    body = await list(
      employeeNo,
      `${url}${sep}${direction === "next" ? "after" : "before"}=${encodeURIComponent(cursor)}`,
    );
  }
  throw new Error("more than 100 pages");
}

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock(demoDayAt("10:00"));
  await seedDemoCompany();
  const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" }, select: { id: true } });
  const template = await db.collectionCase.findFirstOrThrow({ where: { departmentId: col1.id } });
  const banks = ["江南银行", "华东商业银行", "东海信用卡中心"];
  await db.collectionCase.createMany({
    data: Array.from({ length: GENERATED }, (_, i) => ({
      caseNo: `GEN-${String(i).padStart(5, "0")}`,
      batchId: template.batchId,
      clientBank: banks[i % 3],
      debtorName: i === 777 ? "欧阳娜娜" : `债务人${i}`,
      idNumberEnc: template.idNumberEnc,
      idNumberMasked: template.idNumberMasked,
      cardNumberEnc: template.cardNumberEnc,
      cardNumberMasked: template.cardNumberMasked,
      amountOwedFen: 100_000 + i,
      overdueDays: 40,
      phones: [],
      address: "",
      // Many cases share a due date: the case number breaks the tie.
      mandateDueDate: new Date(Date.UTC(2027, 0, 1 + (i % 7))),
      departmentId: col1.id,
    })),
  });
});
afterEach(() => setClock(null));

describe("a department head's case list with more than a thousand cases", () => {
  it("reaches every case of the department exactly once, forwards and backwards, with the true total", async () => {
    const expected = (
      await db.collectionCase.findMany({
        where: { department: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] } },
        select: { caseNo: true },
      })
    ).map((c) => c.caseNo);
    expect(expected.length).toBeGreaterThan(GENERATED);
    const forward = await walk("D0101", "/cases");
    expect(forward.last.total).toBe(expected.length);
    expect(forward.seen).toHaveLength(expected.length);
    expect(new Set(forward.seen)).toEqual(new Set(expected));
    // Backwards from the last page, through the previous links, the same cases in the same order.
    const cursorOfLast = forward.seen[forward.seen.length - 1];
    const back = await walk("D0101", `/cases?before=${encodeURIComponent(`2099-12-31_${cursorOfLast}`)}`, "previous");
    expect(back.seen.reverse()).toEqual(forward.seen);
  });

  it("the page, without JavaScript, links to the next page keeping the search, and says the true total", async () => {
    const page = await renderInLayout(await cookieFor("D0101"), "/cases?bank=%E4%B8%9C%E6%B5%B7", "_app.cases._index");
    expect(page.status).toBe(200);
    expect(page.html).toContain("共 400 件，本页 50 件");
    expect(page.html).toMatch(/rel="next"[^>]*href="\/cases\?bank=%E4%B8%9C%E6%B5%B7&amp;after=2027-01-0\d_GEN-\d{5}"/);
    expect(page.html).toContain('<form method="get"');
  });

  it("counts and pages within the filter", async () => {
    const unassigned = await db.collectionCase.count({
      where: { assignedToId: null, department: { OR: [{ code: "COL1" }, { parent: { code: "COL1" } }] } },
    });
    const walked = await walk("D0101", "/cases?assigned=no");
    expect(walked.last.total).toBe(unassigned);
    expect(new Set(walked.seen).size).toBe(unassigned);
  });

  it("finds a case by its number, exactly or by its beginning", async () => {
    const exact = await list("D0101", "/cases?q=GEN-00777");
    expect(exact.cases.map((c) => c.caseNo)).toEqual(["GEN-00777"]);
    expect(exact.total).toBe(1);
    const prefix = await list("D0101", "/cases?q=gen-0012");
    expect(prefix.total).toBe(10);
    expect(prefix.cases.every((c) => c.caseNo.startsWith("GEN-0012"))).toBe(true);
  });

  it("finds a case by its debtor's name and by its bank, together with the number search", async () => {
    expect((await list("D0101", `/cases?q=${encodeURIComponent("欧阳")}`)).cases.map((c) => c.caseNo)).toEqual([
      "GEN-00777",
    ]);
    const bank = await list("D0101", `/cases?bank=${encodeURIComponent("东海")}`);
    expect(bank.total).toBe(GENERATED / 3);
    expect(bank.cases.every((c) => c.clientBank === "东海信用卡中心")).toBe(true);
    const both = await list("D0101", `/cases?q=GEN-0000&bank=${encodeURIComponent("东海")}`);
    expect(both.cases.map((c) => c.caseNo).sort()).toEqual(["GEN-00002", "GEN-00005", "GEN-00008"]);
  });

  it("shows another department's head none of them", async () => {
    const other = await list("D0201", "/cases?q=GEN-");
    expect(other.total).toBe(0);
    expect(other.cases).toEqual([]);
    const all = await walk("D0201", "/cases");
    expect(all.seen.some((no) => no.startsWith("GEN-"))).toBe(false);
  });
});

describe("assigning", () => {
  const assign = async (caseIds: string[], agent: string) => {
    const cookie = await cookieFor("D0101");
    return outcome(() =>
      casesPage.action({
        request: requestAs(cookie, "/cases", { form: { caseIds, agent } }),
        params: {},
        context,
      }),
    );
  };
  const suggestionsRequest = async (employeeNo: string, q: string) =>
    agentSuggestions.loader({
      request: requestAs(await cookieFor(employeeNo), `/cases/agents.json?q=${encodeURIComponent(q)}`),
      params: {},
      context,
    });
  const suggested = async (employeeNo: string, q: string) => {
    const response = await suggestionsRequest(employeeNo, q);
    expect(response.status).toBe(200);
    // A person's colleagues: kept by no cache.
    expect(response.headers.get("Cache-Control")).toContain("no-store");
    return ((await response.json()) as { agents: AgentOption[] }).agents;
  };
  const genIds = async (...caseNos: string[]) =>
    (await db.collectionCase.findMany({ where: { caseNo: { in: caseNos } } })).map((c) => c.id);

  it("the page carries no list of agents: a few matching ones are suggested as the head types", async () => {
    expect(await list("D0101", "/cases")).not.toHaveProperty("agents");
    const col1 = await db.department.findUniqueOrThrow({ where: { code: "COL1" }, select: { id: true } });
    // More agents than a suggestion list holds, all matching "C09".
    for (let i = 0; i < 12; i++)
      await db.person.create({
        data: {
          employeeNo: `C09${String(i).padStart(2, "0")}`,
          name: `候补${i}`,
          departmentId: col1.id,
          post: "催收员",
          roles: { create: { role: "EMPLOYEE" } },
        },
      });
    const many = await suggested("D0101", "c09");
    expect(many.map((a) => a.employeeNo)).toEqual([
      "C0900",
      "C0901",
      "C0902",
      "C0903",
      "C0904",
      "C0905",
      "C0906",
      "C0907",
    ]);
    const agents = await suggested("D0101", "C01");
    expect(agents.find((a) => a.employeeNo === "C0101")).toMatchObject({ certification: "never", cleared: false });
    expect(agents.find((a) => a.employeeNo === "C0102")).toMatchObject({ cleared: true });
    // By name too, every word typed must match.
    const c0102 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0102" } });
    expect((await suggested("D0101", `C0102 ${c0102.name}`)).map((a) => a.employeeNo)).toEqual(["C0102"]);
    expect((await suggested("D0101", c0102.name)).map((a) => a.employeeNo)).toContain("C0102");
  });

  it("suggests only the head's own department, and nobody to an agent", async () => {
    expect(await suggested("D0101", "C02")).toEqual([]);
    expect((await suggested("D0201", "C02")).length).toBeGreaterThan(0);
    expect((await suggested("D0201", "C01")).map((a) => a.employeeNo)).toEqual([]);
    expect((await outcome(() => suggestionsRequest("C0102", "C01"))).status).toBe(403);
  });

  it("refuses an agent without a valid certification, saying why, and assigns to a certified one", async () => {
    const ids = await genIds("GEN-00001", "GEN-01199");
    const refused = await assign(ids, "C0101");
    expect(refused.status).toBe(400);
    const message = (refused.body as { errors: { _form: string } }).errors._form;
    expect(message).toMatch(/^cases\.assign\.notCertified\.never::/);
    expect(message).toContain("C0101");
    // What was typed and ticked comes back to the form.
    expect(refused.body).toMatchObject({ values: { agent: "C0101", caseIds: ids } });
    expect(await db.collectionCase.count({ where: { id: { in: ids }, assignedToId: { not: null } } })).toBe(0);
    const c0102 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0102" } });
    const done = await assign(ids, `c0102 ${c0102.name}`);
    expect(done).toMatchObject({ status: 302, location: "/cases" });
    expect(await db.collectionCase.count({ where: { id: { in: ids }, assignedTo: { employeeNo: "C0102" } } })).toBe(2);
  });

  it("by name: one agent of it is enough, two ask for a number; a number with another's name is refused", async () => {
    const [id] = await genIds("GEN-00002");
    const c0102 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0102" } });
    const c0101 = await db.person.findUniqueOrThrow({ where: { employeeNo: "C0101" } });
    const refusedSlip = await assign([id], `C0102 ${c0101.name}`);
    expect(refusedSlip.body).toMatchObject({
      errors: { _form: expect.stringMatching(/^cases\.assign\.agentOutOfScope::/) },
    });
    expect(await assign([id], c0102.name)).toMatchObject({ status: 302 });
    expect((await db.collectionCase.findUniqueOrThrow({ where: { id } })).assignedToId).toBe(c0102.id);
    await db.person.create({
      data: {
        employeeNo: "C0199",
        name: c0102.name,
        departmentId: c0102.departmentId,
        post: "催收员",
        roles: { create: { role: "EMPLOYEE" } },
      },
    });
    const [other] = await genIds("GEN-00003");
    const ambiguous = await assign([other], c0102.name);
    expect(ambiguous.body).toMatchObject({
      errors: { _form: expect.stringMatching(/^cases\.assign\.agentAmbiguous::/) },
    });
    expect(JSON.stringify(ambiguous.body)).toContain('\\"n\\":2');
    expect((await db.collectionCase.findUniqueOrThrow({ where: { id: other } })).assignedToId).toBeNull();
    expect(await assign([other], `C0102 ${c0102.name}`)).toMatchObject({ status: 302 });
  });
});
