// The clerk's and training manager's /make-ups: who still owes a make-up, who is booked for one, the new
// hires who missed onboarding; and who may not see it.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { loader as listLoader } from "~/routes/_app.make-ups";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { makeUpFixture, type MakeUpFixture, recordMisses, warmUpMakeUps } from "./make-up-fixture";
import { cookieFor, demoDayAt, outcome, requestAs, seedDemoCompany } from "./support";

const ctx = { params: {}, context: { cspNonce: "" } };
type ListData = Awaited<ReturnType<typeof listLoader>>;

beforeAll(warmUpMakeUps);
let at: Date;
let f: MakeUpFixture;
async function setUp(category: "INTERNAL" | "NEW_HIRE" = "INTERNAL") {
  await seedDemoCompany();
  at = demoDayAt("12:00");
  freezeClock(at);
  f = await makeUpFixture(at, { category });
  await recordMisses(f, new Date(at.getTime() - 2 * 86_400_000 + 3_600_000));
}
afterEach(() => setClock(null));

async function list(employeeNo: string, query: string) {
  const cookie = await cookieFor(employeeNo);
  return outcome(() => listLoader({ request: requestAs(cookie, `/make-ups${query}`), ...ctx }));
}
async function rows(employeeNo: string, query: string) {
  const result = await list(employeeNo, query);
  expect(result.status).toBe(200);
  return result.body as ListData;
}

describe("the clerk's list", () => {
  beforeEach(() => setUp());

  it("names who owes a make-up, why, since when and how many sessions they can choose", async () => {
    const data = await rows("T0002", `?courseId=${f.courses.a}`);
    expect(data.view).toBe("owed");
    expect(data.rows.map((r) => [r.employeeNo, r.why, r.candidateCount])).toEqual([
      ["C0105", "ABSENT", 2],
      ["C0106", "ON_LEAVE", 2],
      ["C0107", "EXCUSED", 2],
      ["C0119", "ABSENT", 2],
    ]);
    expect(data.rows[0]).toMatchObject({ courseTitle: "补课测试 A", department: "催收一部一组" });
    expect(data.counts).toEqual({ owed: 4, enrolled: 0, newHires: 0 });
    expect(data.courses.map((c) => c.id)).toContain(f.courses.a);
  });

  it("moves a trainee who accepted to the booked view, with the session", async () => {
    await db.makeUp.create({
      data: { personId: f.people.c0105, missedSessionId: f.missed, sessionId: f.b1, acceptedAt: at },
    });
    const owed = await rows("T0001", `?courseId=${f.courses.a}`);
    expect(owed.rows.map((r) => r.employeeNo)).not.toContain("C0105");
    const booked = await rows("T0001", `?view=enrolled&courseId=${f.courses.a}`);
    expect(booked.rows).toMatchObject([
      { employeeNo: "C0105", standing: "ENROLLED", makeUp: { courseTitle: "补课测试 B" }, candidateCount: null },
    ]);
  });

  it("filters by department (its teams included)", async () => {
    const col2 = await db.department.findFirstOrThrow({ where: { code: "COL2" } });
    const data = await rows("T0002", `?courseId=${f.courses.a}&departmentId=${col2.id}`);
    expect(data.rows).toEqual([]);
    const col1 = await db.department.findFirstOrThrow({ where: { code: "COL1" } });
    expect((await rows("T0002", `?courseId=${f.courses.a}&departmentId=${col1.id}`)).rows).toHaveLength(4);
  });

  it("pages at 25 rows and reads no more than it shows (keyset: outbox-archive-make-up-pages.test.ts)", async () => {
    const data = await rows("T0002", "?page=99");
    expect(data.rows.length).toBeLessThanOrEqual(25);
    expect(data.previous).toBeNull();
  });
});

describe("new hires who missed onboarding", () => {
  beforeEach(() => setUp("NEW_HIRE"));

  it("lists the new hire (not the others) with what they missed and where the make-up stands", async () => {
    const data = await rows("T0001", `?view=newHires&courseId=${f.courses.a}`);
    expect(data.rows).toMatchObject([{ employeeNo: "C0119", why: "ABSENT", standing: "OWED" }]);
    await db.makeUp.create({
      data: { personId: f.people.c0119, missedSessionId: f.missed, sessionId: f.b1, acceptedAt: at },
    });
    const after = await rows("T0002", `?view=newHires&courseId=${f.courses.a}`);
    expect(after.rows).toMatchObject([{ employeeNo: "C0119", standing: "ENROLLED" }]);
  });
});

describe("who may not see it", () => {
  it("an agent and a department head are refused (403)", async () => {
    await seedDemoCompany();
    expect((await list("C0101", "")).status).toBe(403);
    expect((await list("D0101", "")).status).toBe(403);
  });
});
