// The demo's leave forms on any day: consistent with the workflow (state = the last decision's), before their
// session when filed, nothing dated after the seed's day, and absent rather than wrong when no session fits.
import { afterEach, describe, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, SEED_TEST_TIMEOUT_MS, seedDemoCompany, seedDemoCompanyAt } from "./support";

afterEach(() => setClock(null));

async function expectConsistent(at: Date) {
  const forms = await db.leaveRequest.findMany({
    include: {
      session: { select: { startsAt: true } },
      person: { select: { employeeNo: true } },
      approval: { include: { decisions: { orderBy: { at: "asc" } } } },
    },
  });
  for (const form of forms) {
    const decisions = form.approval.decisions;
    expect(decisions[0]).toMatchObject({ action: "SUBMIT", revision: 1, actorId: form.personId });
    expect(decisions.at(-1)!.toState).toBe(form.approval.state);
    expect(form.createdAt.getTime()).toBeLessThan(form.session.startsAt.getTime());
    expect(form.person.employeeNo).toMatch(/^C01/);
    for (const d of decisions) expect(d.at.getTime()).toBeLessThanOrEqual(at.getTime());
    if (form.acknowledgedAt) expect(form.approval.state).toBe("APPROVED");
  }
  const todos = await db.todoItem.findMany({ where: { kind: { startsWith: "leave." } } });
  for (const t of todos) expect(t.createdAt.getTime()).toBeLessThanOrEqual(at.getTime());
  return forms;
}

describe("the demo's leave forms", () => {
  it("on the run's day: a filed, an approved, a waiting and a sent-back form where sessions allow", async () => {
    await seedDemoCompany();
    const forms = await expectConsistent(DEMO_AT);
    const d0101 = await db.person.findUniqueOrThrow({ where: { employeeNo: "D0101" } });
    const waiting = forms.filter((f) => f.approval.state === "SUBMITTED");
    const open = await db.todoItem.count({ where: { personId: d0101.id, kind: "leave.review", doneAt: null } });
    expect(open).toBe(waiting.length);
    const unacknowledged = forms.filter((f) => f.approval.state === "APPROVED" && !f.acknowledgedAt);
    const t0002 = await db.person.findUniqueOrThrow({ where: { employeeNo: "T0002" } });
    expect(await db.todoItem.count({ where: { personId: t0002.id, kind: "leave.received", doneAt: null } })).toBe(
      unacknowledged.length,
    );
  });

  it.each([
    ["31 December, 23:30 in Shanghai", "2026-12-31T23:30:00+08:00"],
    ["1 January, 00:30 in Shanghai", "2027-01-01T00:30:00+08:00"],
  ])("%s", { timeout: SEED_TEST_TIMEOUT_MS }, async (_, iso) => {
    const at = new Date(iso);
    freezeClock(at);
    await seedDemoCompanyAt(at);
    await expectConsistent(at);
  });
});
