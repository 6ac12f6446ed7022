// The demo's make-ups: one trainee booked into the nearest session of the same item, the rest offered.
import { afterEach, beforeAll, expect, it } from "vitest";

import { MAKE_UP_TODO } from "~/domain/attendance/make-up-offer.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { seedMakeUps } from "../../prisma/seed/leave";

import { makeUpFixture, recordMisses, warmUpMakeUps } from "./make-up-fixture";
import { demoDayAt, demoCompanyBeforeEachTest } from "./support";

beforeAll(warmUpMakeUps);
demoCompanyBeforeEachTest();
afterEach(() => setClock(null));

it("books at most one missed session into a candidate and leaves the others owing, with their offers", async () => {
  const at = demoDayAt("12:00");
  freezeClock(at);
  const f = await makeUpFixture(at);
  await recordMisses(f, new Date(at.getTime() - 2 * 86_400_000 + 3_600_000));
  const before = await db.makeUp.count();
  await db.$transaction((tx) => seedMakeUps(tx, at));
  const made = await db.makeUp.findMany({ where: { acceptedAt: at } });
  expect(made.length).toBeLessThanOrEqual(1);
  expect(await db.makeUp.count()).toBe(before + made.length);
  // The fixture's four misses: each booked (at B's sessions, the only candidates) or offered on the to-do list.
  for (const personId of Object.values(f.people)) {
    const booked = made.find((m) => m.personId === personId && m.missedSessionId === f.missed);
    if (booked) expect([f.b1, f.b2]).toContain(booked.sessionId);
    else
      expect(
        await db.todoItem.count({ where: { personId, kind: MAKE_UP_TODO.kind, sourceId: `${f.missed}:${personId}` } }),
      ).toBe(1);
  }
  // Run again over the same data: no missed session is booked twice (at most one more is booked).
  await db.$transaction((tx) => seedMakeUps(tx, at));
  expect(await db.makeUp.count()).toBeLessThanOrEqual(before + made.length + 1);
});
