// Attack: flood the audit log by asking again and again for a page one may not open (261 refused
// requests wrote 261 rows). Repeats of a refusal are counted, not written, and the log stays append-only.
import { afterEach, beforeEach, expect, it } from "vitest";

import { loader as auditPage } from "~/routes/_app.audit";
import { loader as peoplePage } from "~/routes/_app.people._index";
import { REPEAT_WINDOW_MS, repeatWindowStart } from "~/utils/audit-repeats";
import { freezeClock, now, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import {
  cookieFor,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "../integration/support";

let agent: string;
let agentId: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  agent = await cookieFor("C0101");
  agentId = await personId("C0101");
  // A minute into a window, so the whole flood falls in one.
  freezeClock(new Date(repeatWindowStart(now()).getTime() + 60_000));
});

afterEach(() => setClock(null));

const refusals = (where: object = {}) =>
  db.auditEntry.findMany({ where: { action: "auth.refused", actorId: agentId, ...where }, orderBy: { id: "asc" } });

async function askForAuditPage(times: number) {
  // All at once: parallel refusals must not lose a count.
  const results = await Promise.all(
    Array.from({ length: times }, () =>
      outcome(() => auditPage({ request: requestAs(agent, "/audit"), params: {}, context: { cspNonce: "" } })),
    ),
  );
  for (const r of results) expect(r.status).toBe(403);
}

it("200 parallel refusals of one agent write one audit row; the next window's row says 199 repeats", async () => {
  await askForAuditPage(200);
  const first = await refusals();
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ entityId: "/audit", summary: { permission: "read:audit", method: "GET" } });

  freezeClock(new Date(now().getTime() + REPEAT_WINDOW_MS));
  await askForAuditPage(1);
  const after = await refusals();
  expect(after).toHaveLength(2);
  expect(after[1].summary).toEqual({ permission: "read:audit", method: "GET", repeats: 199 });

  // A quiet window in between changes nothing: the count carried is what happened since the last row.
  freezeClock(new Date(now().getTime() + 3 * REPEAT_WINDOW_MS));
  agent = await cookieFor("C0101"); // the idle session would have ended meanwhile
  await askForAuditPage(3);
  const later = await refusals();
  expect(later).toHaveLength(3);
  expect(later[2].summary).toEqual({ permission: "read:audit", method: "GET" });
});

it("another page (permission) or another person is another row, not a repeat", async () => {
  await askForAuditPage(5);
  const people = await outcome(() =>
    peoplePage({ request: requestAs(agent, "/people"), params: {}, context: { cspNonce: "" } }),
  );
  expect(people.status).toBe(403);
  const other = await cookieFor("C0102");
  expect(
    (await outcome(() => auditPage({ request: requestAs(other, "/audit"), params: {}, context: { cspNonce: "" } })))
      .status,
  ).toBe(403);
  expect((await refusals()).map((r) => r.entityId)).toEqual(["/audit", "/people"]);
  expect(await db.auditEntry.count({ where: { action: "auth.refused" } })).toBe(3);
});

it("the audit log stays append-only: its rows can be neither changed nor removed", async () => {
  await askForAuditPage(2);
  await expect(db.auditEntry.updateMany({ data: { reason: "x" } })).rejects.toThrow(/append-only/);
  await expect(db.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
});
