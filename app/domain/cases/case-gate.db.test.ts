import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { seedDemoCompany, demoCompanyBeforeEachTest } from "../../../tests/integration/support";

import { caseWorkGate } from "./case-gate.server";

demoCompanyBeforeEachTest();
beforeEach(async () => {
  freezeClock("2026-11-30T10:00:00+08:00");
  await seedDemoCompany();
});
afterEach(() => setClock(null));

const person = (employeeNo: string) =>
  db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true, employeeNo: true } });

describe("the case-work gate", () => {
  it(
    "stops the assigned agent without a certification, and only them: " + "their department head reads the same case",
    async () => {
      // C0101 never passed the case-work quiz (demo data); D0101 heads their department.
      const [agent, head] = [await person("C0101"), await person("D0101")];
      const kase = await db.collectionCase.findFirstOrThrow({
        where: { assignedToId: agent.id },
        select: { id: true, assignedToId: true },
      });
      for (const purpose of ["open", "record", "reveal"] as const) {
        expect(await caseWorkGate(agent, kase, purpose)).toMatchObject({
          ok: false,
          certification: { status: "never" },
        });
        expect(await caseWorkGate(head, kase, purpose)).toEqual({ ok: true });
      }
      expect(await db.auditEntry.count({ where: { action: "case.gateRefused", entityId: kase.id } })).toBe(3);
      expect(await db.auditEntry.count({ where: { action: "case.gateRefused", actorEmployeeNo: "D0101" } })).toBe(0);
    },
  );
});
