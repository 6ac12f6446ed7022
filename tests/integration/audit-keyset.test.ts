// The audit log is read a page at a time by keyset (by id, the order entries were written): paging forwards
// and back again visits every entry exactly once, in order, also where many entries share one instant; filters
// hold across pages; the action list names every action in the log.
import { expect, it } from "vitest";

import { loader } from "~/routes/_app.audit";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { cookieFor, demoCompanyBeforeEachTest, outcome, requestAs } from "./support";

demoCompanyBeforeEachTest();

type Body = {
  entries: Array<{ id: string; at: Date; action: string }>;
  next: string | null;
  previous: string | null;
  actions: string[];
};

async function page(cookie: string, query: string): Promise<Body> {
  const result = await outcome(() =>
    loader({ request: requestAs(cookie, `/audit${query}`), params: {}, context: { cspNonce: "" } }),
  );
  expect(result.status).toBe(200);
  return result.body as Body;
}

const at = (ms: number) => new Date(now().getTime() - ms);

async function seedEntries() {
  // 60 entries at one instant (ties broken by id), 70 spread over the hour before.
  const tie = at(1_000);
  await db.auditEntry.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => ({
        at: tie,
        action: "test.tie",
        entityType: "Test",
        reason: `tie ${i}`,
      })),
      ...Array.from({ length: 70 }, (_, i) => ({
        at: at(60_000 + i * 30_000),
        action: "test.spread",
        entityType: "Test",
        actorEmployeeNo: "T0001",
      })),
    ],
  });
}

it("pages forwards and back over the whole log: every entry once, in the order written, newest first", async () => {
  await seedEntries();
  const cookie = await cookieFor("A0001");
  const all = (await db.auditEntry.findMany({ select: { id: true }, orderBy: { id: "desc" } })).map((e) =>
    e.id.toString(),
  );
  expect(all.length).toBeGreaterThan(130);

  const forwards: Body[] = [await page(cookie, "")];
  expect(forwards[0].previous).toBeNull();
  while (forwards.at(-1)!.next)
    forwards.push(await page(cookie, `?after=${encodeURIComponent(forwards.at(-1)!.next!)}`));
  expect(forwards.length).toBe(Math.ceil(all.length / 50));
  for (const p of forwards.slice(0, -1)) expect(p.entries).toHaveLength(50);
  expect(forwards.flatMap((p) => p.entries.map((e) => e.id))).toEqual(all);

  // Back from the last page: the same pages, in reverse, and the first one has no "previous" again.
  const backwards: Body[] = [forwards.at(-1)!];
  while (backwards.at(-1)!.previous)
    backwards.push(await page(cookie, `?before=${encodeURIComponent(backwards.at(-1)!.previous!)}`));
  expect(backwards.map((p) => p.entries.map((e) => e.id))).toEqual(
    forwards.map((p) => p.entries.map((e) => e.id)).reverse(),
  );
  expect(backwards.at(-1)!.previous).toBeNull();
});

it("keeps the filter across pages, and lists every action in the log", async () => {
  await seedEntries();
  const cookie = await cookieFor("A0001");
  const first = await page(cookie, "?action=test.tie");
  expect(first.entries).toHaveLength(50);
  expect(first.next).not.toBeNull();
  const second = await page(cookie, `?action=test.tie&after=${encodeURIComponent(first.next!)}`);
  expect(second.entries).toHaveLength(10);
  expect(second.next).toBeNull();
  expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(60);
  for (const e of [...first.entries, ...second.entries]) expect(e.action).toBe("test.tie");
  const back = await page(cookie, `?action=test.tie&before=${encodeURIComponent(second.previous!)}`);
  expect(back.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));

  const byActor = await page(cookie, "?actor=t0001&action=test.spread");
  expect(byActor.entries).toHaveLength(50);
  expect(byActor.entries.every((e) => e.action === "test.spread")).toBe(true);

  const distinct = (await db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } })).map((a) => a.action);
  expect(first.actions).toEqual(distinct);
  expect(first.actions).toEqual(expect.arrayContaining(["test.spread", "test.tie"]));
});

it("a cursor that is not one starts at the newest entry", async () => {
  const cookie = await cookieFor("A0001");
  const newest = await page(cookie, "");
  expect((await page(cookie, "?after=nonsense")).entries.map((e) => e.id)).toEqual(newest.entries.map((e) => e.id));
});
