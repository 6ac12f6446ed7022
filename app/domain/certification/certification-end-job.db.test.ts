import { afterEach, beforeEach, expect, it } from "vitest";

import { jobDefinition } from "~/domain/jobs/job-catalogue.server";
import { runJob } from "~/domain/jobs/run-job.server";
import { headsFor } from "~/domain/leave/leave-heads.server";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { DEMO_AT, seedDemoCompany } from "../../../tests/integration/support";

import { HEAD_KINDS } from "./certification-end-job.server";
import { certificationsFor } from "./certification-queries.server";

beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
});
afterEach(() => setClock(null));

it(
  "a certification that ends is announced once to the agent and their head, audited; the head's item " +
    "closes when the agent is cleared again",
  async () => {
    // An agent cleared today in a department with a head: the job runs just after their certification ends.
    const agents = await db.person.findMany({
      where: { employeeNo: { startsWith: "C0" } },
      select: { id: true, employeeNo: true, status: true },
      orderBy: { employeeNo: "asc" },
    });
    const certs = await certificationsFor(agents);
    const headsOf = new Map<string, string[]>();
    for (const a of agents) headsOf.set(a.id, await db.$transaction((tx) => headsFor(tx, a.id)));
    const agent = agents.find((a) => certs.get(a.id)?.cleared && headsOf.get(a.id)!.length > 0)!;
    const head = { personId: headsOf.get(agent.id)![0] };
    const endedAt = certs.get(agent.id)!.validUntil!;
    freezeClock(new Date(endedAt.getTime() + 3_600_000));
    const job = jobDefinition("certification-ends");

    // Two instances at once, then a later run: each end once.
    const [a, b] = await Promise.all([runJob(job, "schedule"), runJob(job, "schedule")]);
    expect(a.announced + b.announced).toBeGreaterThanOrEqual(1);
    expect(await runJob(job, "schedule")).toMatchObject({ announced: 0 });

    const ends = await db.certificationEnd.findMany({ where: { personId: agent.id } });
    expect(ends).toEqual([expect.objectContaining({ endedAt })]);
    const kind = ends[0].status as "expired" | "lapsed";
    const audits = await db.auditEntry.findMany({
      where: { action: `certification.${kind}`, entityId: agent.id, actorId: null },
    });
    expect(audits).toHaveLength(1);
    const agentTodo = await db.todoItem.findFirstOrThrow({
      where: { personId: agent.id, kind: `certification.${kind}` },
    });
    expect(agentTodo).toMatchObject({ sourceType: "Quiz", href: "/quiz", doneAt: null });
    const headTodo = await db.todoItem.findFirstOrThrow({
      where: { personId: head.personId, kind: HEAD_KINDS[kind], sourceId: agent.id },
    });
    expect(headTodo.doneAt).toBeNull();
    expect(headTodo.params).toMatchObject({ employeeNo: agent.employeeNo });

    // Back on a day the agent is cleared (as after passing again): the job closes the head's item.
    freezeClock(DEMO_AT);
    expect((await runJob(job, "schedule")).closed).toBeGreaterThanOrEqual(1);
    expect((await db.todoItem.findUniqueOrThrow({ where: { id: headTodo.id } })).doneAt).not.toBeNull();
  },
);
