// The demo's leave forms in the run's demo company: consistent with the workflow, and each waiting on the list of
// whoever must act on it. The consistency checks run on a real seed of every day the suite must survive too
// (demo-dates.test.ts).
import { describe, expect, it } from "vitest";

import { db } from "~/utils/db.server";

import { expectLeaveFormsConsistent } from "./demo-seed-checks";
import { DEMO_AT, seedDemoCompany } from "./support";

describe("the demo's leave forms", () => {
  it("on the run's day: a filed, an approved, a waiting and a sent-back form where sessions allow", async () => {
    await seedDemoCompany();
    const forms = await expectLeaveFormsConsistent(DEMO_AT);
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
});
