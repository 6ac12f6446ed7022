// The stored certification equals the one function over the person's full history after every kind of
// event, and a row an event left usable is already right: a writer that forgot to mark it would fail here.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadSnapshot } from "~/domain/clearance/clearance-snapshot.server";
import { saveAnswer } from "~/domain/quiz/answer-question.server";
import { startAttempt } from "~/domain/quiz/start-attempt.server";
import { submitOwnAttempt } from "~/domain/quiz/submit-attempt.server";
import { getSettings, updateSettings } from "~/domain/settings/settings.server";
import { freezeClock, now, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createPgPool } from "~/utils/pg-pool.server";

import { DEMO_AT, personId, seedDemoCompany } from "../../../tests/integration/support";

import { caseWorkQuizId, personInputs, sharedInputs } from "./certification-inputs.server";
import { certificationState, EXPIRING_WITHIN_DAYS, type Certification } from "./certification-rules";
import {
  fromStored,
  isFresh,
  recomputeCertifications,
  refreshStaleCertifications,
  staleWhere,
  storedCertifications,
} from "./certification-store.server";

const DAY = 86_400_000;

async function truth(id: string): Promise<Certification> {
  const shared = await sharedInputs();
  const own = (await personInputs([id], shared.quizId)).get(id)!;
  return certificationState(own.person, shared.rules, own.attempts, now(), shared.policy, own.assessments);
}

/** The row as the event left it is marked stale or already right; a read equals the function and is stored. */
async function expectStored(id: string) {
  const expected = await truth(id);
  const { key } = await sharedInputs();
  const row = await db.certificationState.findUniqueOrThrow({ where: { personId: id } });
  const t = now();
  if (isFresh(row, key, t)) expect(fromStored(row), "a usable row left by the event").toEqual(expected);
  expect((await storedCertifications([id])).get(id)).toEqual(expected);
  const after = await db.certificationState.findUniqueOrThrow({ where: { personId: id } });
  expect(after.dirty).toBe(false);
  expect(fromStored(after)).toEqual(expected);
  return expected;
}

async function submitted(id: string, over: { score: number; redLine?: boolean; mode?: "FULL" | "REQUIZ" }) {
  const quizId = (await caseWorkQuizId())!;
  // What a quiz drawn now tests: each rule's version in force (a version published for later is not yet).
  const inForce = await db.callRuleVersion.groupBy({
    by: ["ruleId"],
    where: { effectiveAt: { lte: now() } },
    _max: { version: true },
  });
  return db.quizAttempt.create({
    data: {
      quizId,
      personId: id,
      mode: over.mode ?? "FULL",
      status: "SUBMITTED",
      startedAt: new Date(now().getTime() - 600_000),
      deadlineAt: now(),
      submittedAt: now(),
      passPercent: 90,
      ruleVersions: Object.fromEntries(inForce.map((v) => [v.ruleId, v._max.version!])),
      questionCount: 10,
      correctCount: over.score / 10,
      scorePercent: over.score,
      passed: over.score >= 90 && !over.redLine,
      redLineMissed: over.redLine ?? false,
    },
  });
}

beforeEach(async () => {
  freezeClock(DEMO_AT);
  await seedDemoCompany();
});
afterEach(() => setClock(null));

describe("the stored certification after each event", () => {
  it("a quiz handed in through the app: failed, then passed", async () => {
    const id = await personId("C0101");
    expect((await expectStored(id)).status).toBe("never");
    const quizId = (await caseWorkQuizId())!;
    const actor = { id, employeeNo: "C0101" };
    const first = await startAttempt({ id }, quizId, "FULL");
    if (!first.ok) throw new Error(first.error);
    await submitOwnAttempt(actor, first.attemptId);
    expect((await expectStored(id)).cleared).toBe(false);

    // After the cool-down between attempts.
    freezeClock(new Date(DEMO_AT.getTime() + 3 * DAY));
    const second = await startAttempt({ id }, quizId, "FULL");
    if (!second.ok) throw new Error(second.error);
    const questions = await db.quizAttemptQuestion.findMany({
      where: { attemptId: second.attemptId },
      orderBy: { position: "asc" },
      select: { position: true, question: { select: { options: { where: { isCorrect: true } } } } },
    });
    for (const q of questions)
      await saveAnswer(
        id,
        second.attemptId,
        q.position,
        q.question.options.map((o) => o.id),
      );
    await submitOwnAttempt(actor, second.attemptId);
    expect((await expectStored(id)).status).toBe("certified");
  });

  it("a red-line miss, a pass, a rule published for later, the time passing it, and the re-quiz", async () => {
    const id = await personId("C0101");
    await expectStored(id);
    await submitted(id, { score: 100, redLine: true });
    expect((await expectStored(id)).reasons).toContainEqual({ code: "lastAttemptRedLine" });
    await submitted(id, { score: 100 });
    expect((await expectStored(id)).cleared).toBe(true);

    const v1 = await db.callRuleVersion.findFirstOrThrow({ where: { ruleId: "B3", version: 1 } });
    const { id: _, ...copy } = v1;
    await db.callRuleVersion.create({
      data: { ...copy, version: 2, effectiveAt: new Date(now().getTime() + 2 * DAY) },
    });
    expect((await expectStored(id)).status).toBe("certified");
    freezeClock(new Date(DEMO_AT.getTime() + 3 * DAY));
    expect((await expectStored(id)).status).toBe("grace");
    const { certGraceDays: graceDays } = await getSettings();
    freezeClock(new Date(DEMO_AT.getTime() + (2 + graceDays) * DAY + 1));
    expect((await expectStored(id)).status).toBe("lapsed");
    await submitted(id, { score: 100, mode: "REQUIZ" });
    // The re-quiz covers B3 again (the demo's own rule changes may still hold others).
    expect((await expectStored(id)).staleRules.map((s) => s.ruleId)).not.toContain("B3");
  });

  it("validity changed in the settings; disabled and enabled; left and back", async () => {
    const id = await personId("C0102");
    expect((await expectStored(id)).cleared).toBe(true);
    const admin = { id: await personId("A0001"), employeeNo: "A0001" };
    await updateSettings(admin, { ...(await getSettings()), certValidityMonths: 1 });
    await expectStored(id);
    await db.person.update({ where: { id }, data: { disabledAt: now() } });
    expect((await expectStored(id)).reasons).toEqual([{ code: "inactive" }]);
    await db.person.update({ where: { id }, data: { disabledAt: null } });
    await expectStored(id);
    await db.person.update({ where: { id }, data: { status: "LEFT" } });
    expect((await expectStored(id)).cleared).toBe(false);
    await db.person.update({ where: { id }, data: { status: "ACTIVE" } });
    await expectStored(id);
  });

  it("a new hire's assessment signed off, and another returned", async () => {
    const waiting = await db.preJobAssessment.findMany({
      where: { approval: { state: "SUBMITTED" } },
      select: { personId: true, approvalId: true },
    });
    expect(waiting.length).toBeGreaterThan(0);
    const { personId: id, approvalId } = waiting[0];
    await expectStored(id);
    const approver = await db.person.findUniqueOrThrow({ where: { employeeNo: "A0001" } });
    const approval = await db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    const decision = {
      approvalId,
      revision: approval.revision,
      fromState: "SUBMITTED" as const,
      actorId: approver.id,
      actorEmployeeNo: approver.employeeNo,
      actorName: approver.name,
      at: now(),
    };
    await db.$transaction([
      db.approval.update({ where: { id: approvalId }, data: { state: "APPROVED" } }),
      db.approvalDecision.create({ data: { ...decision, action: "APPROVE", toState: "APPROVED" } }),
    ]);
    const signed = await expectStored(id);
    await db.$transaction([
      db.approval.update({ where: { id: approvalId }, data: { state: "DRAFT", revision: approval.revision + 1 } }),
      db.approvalDecision.create({ data: { ...decision, action: "REOPEN", fromState: "APPROVED", toState: "DRAFT" } }),
    ]);
    const reopened = await expectStored(id);
    expect(reopened.reasons).not.toEqual(signed.reasons);
  });

  it("the passing of time: into the expiring window, expiry, and a clock set back", async () => {
    const id = await personId("C0102");
    const c = await expectStored(id);
    const window = c.validUntil!.getTime() - EXPIRING_WITHIN_DAYS * DAY;
    freezeClock(new Date(window - 1));
    expect((await expectStored(id)).status).toBe("certified");
    freezeClock(new Date(window));
    expect((await expectStored(id)).status).toBe("expiring");
    freezeClock(c.validUntil!);
    expect((await expectStored(id)).cleared).toBe(false);
    freezeClock(DEMO_AT);
    expect(await expectStored(id)).toEqual(c);
  });

  it("two hand-ins of the same person at once, with reads racing them, leave the right state", async () => {
    const id = await personId("C0101");
    for (let round = 0; round < 5; round++) {
      freezeClock(new Date(DEMO_AT.getTime() + round * 60_000));
      await Promise.all([
        submitted(id, { score: round % 2 ? 100 : 50 }),
        storedCertifications([id]),
        submitted(id, { score: round % 2 ? 50 : 100, redLine: round === 4 }),
        storedCertifications([id]),
      ]);
      await expectStored(id);
    }
  });
});

describe("the stored certification's table", () => {
  // Each recompute rewrites every stale row (a settings change: all of them). With half of each page free
  // (migration pages4_cert_state_fillfactor) a row's new version stays on its page beside the old one (a HOT
  // update, pruned in place by the next read); packed full, the rewrite moves rows to new pages and the
  // table grows by a table's worth of dead rows each time (2,851 pages for 5,000 rows on the bench company).
  it("keeps half of each page free, so a recompute of everyone rewrites every row in place", async () => {
    const [{ reloptions }] = await db.$queryRaw<Array<{ reloptions: string[] | null }>>`
      SELECT reloptions FROM pg_class WHERE oid = '"CertificationState"'::regclass`;
    expect(reloptions).toContain("fillfactor=50");
    const blocks = async () =>
      new Map(
        (
          await db.$queryRaw<Array<{ personId: string; block: number }>>`
            SELECT "personId", (ctid::text::point)[0]::int AS block FROM "CertificationState"`
        ).map((r) => [r.personId, r.block]),
      );
    const everyone = (await db.person.findMany({ select: { id: true } })).map((p) => p.id);
    const admin = { id: await personId("A0001"), employeeNo: "A0001" };
    const recomputeEveryone = async () => {
      // A settings change (the validity) makes every row stale at once.
      const settings = await getSettings();
      await updateSettings(admin, { ...settings, certValidityMonths: settings.certValidityMonths + 1 });
      await storedCertifications(everyone);
    };
    // Rows computed once have their full size (a seeded row is computed larger). Then the table is written
    // afresh, as a fresh install's inserts write it: each page filled only up to the fillfactor. Whether old
    // versions are pruned depends on what other snapshots the database holds (an autovacuum's, on a busy
    // machine), so the test asks only what the free half guarantees without pruning: one rewrite of every row
    // fits beside the old versions, on the same page.
    await recomputeEveryone();
    await db.$transaction([
      db.$executeRaw`CREATE TEMP TABLE cert_rows ON COMMIT DROP AS SELECT * FROM "CertificationState"`,
      db.$executeRaw`TRUNCATE "CertificationState"`,
      db.$executeRaw`INSERT INTO "CertificationState" SELECT * FROM cert_rows`,
    ]);
    const before = await blocks();
    await recomputeEveryone();
    const after = await blocks();
    expect(after.size).toBe(everyone.length);
    expect(new Set(before.values()).size, "the rows span more than one page").toBeGreaterThan(1);
    const moved = [...after].filter(([id, block]) => before.get(id) !== block);
    expect(moved, "rows moved to another page").toEqual([]);
  });
});

describe("looking for stale rows (refreshStaleCertifications)", () => {
  // It asks first whether anything at all is stale, then which of the given people: each way a row can be
  // unusable must get past the first question, or the board and the clearance API would read a stale row.
  const unusable: Array<[string, (id: string) => Promise<unknown>]> = [
    ["marked dirty", (id) => db.certificationState.update({ where: { personId: id }, data: { dirty: true } })],
    [
      "computed under other rules or settings",
      (id) => db.certificationState.update({ where: { personId: id }, data: { inputsKey: "an older key" } }),
    ],
    [
      "due for a recheck",
      (id) => db.certificationState.update({ where: { personId: id }, data: { recheckAt: new Date(now().getTime()) } }),
    ],
    ["never computed", (id) => db.certificationState.update({ where: { personId: id }, data: { computedAt: null } })],
    [
      "computed after now (the clock set back)",
      (id) =>
        db.certificationState.update({ where: { personId: id }, data: { computedAt: new Date(now().getTime() + 1) } }),
    ],
    ["missing (deleted by hand)", (id) => db.certificationState.delete({ where: { personId: id } })],
  ];

  it.each(unusable)("finds and recomputes a row %s, and nothing once all are fresh", async (_, spoil) => {
    await refreshStaleCertifications();
    expect((await refreshStaleCertifications()).refreshed, "all fresh").toBe(0);
    const id = await personId("C0102");
    const expected = await truth(id);
    await spoil(id);
    // Asked for other people only, it leaves the row alone; asked for this person or everyone, it recomputes it.
    const other = await personId("C0103");
    expect((await refreshStaleCertifications({ id: other })).refreshed).toBe(0);
    expect((await refreshStaleCertifications({ id })).refreshed).toBe(1);
    const row = await db.certificationState.findUniqueOrThrow({ where: { personId: id } });
    expect(row.dirty).toBe(false);
    expect(fromStored(row)).toEqual(expected);
    expect((await refreshStaleCertifications()).refreshed).toBe(0);
  });
});

describe("the staleness rule, stated three times", () => {
  // As a filter (staleWhere: which rows to recompute), for rows already read (isFresh: the pages) and in the
  // clearance snapshot (an entry with a certification, used from computedAt until recheckAt). Every kind of row
  // must be judged alike by all three, or a row one of them calls fresh would be answered stale, or never recomputed.
  it("staleWhere, isFresh and the clearance snapshot agree on every kind of row", async () => {
    await refreshStaleCertifications();
    const { key } = await sharedInputs();
    const at = now();
    const t = at.getTime();
    const kinds = [];
    for (const dirty of [false, true])
      for (const inputsKey of [key, "an older key"])
        for (const computedAt of [null, new Date(t - DAY), at, new Date(t + 1)])
          for (const recheckAt of [null, at, new Date(t + DAY)])
            kinds.push({ dirty, inputsKey, computedAt, recheckAt });
    const people = await db.person.findMany({ select: { id: true, employeeNo: true }, orderBy: { employeeNo: "asc" } });
    expect(people.length, "a person for each kind of row").toBeGreaterThanOrEqual(kinds.length);
    const rows = kinds.map((kind, i) => ({ ...kind, personId: people[i].id, employeeNo: people[i].employeeNo }));
    for (const { employeeNo: _, ...row } of rows)
      await db.certificationState.update({ where: { personId: row.personId }, data: row });

    const ids = rows.map((r) => r.personId);
    const stale = new Set(
      (
        await db.certificationState.findMany({
          where: { AND: [{ personId: { in: ids } }, staleWhere(key, at)] },
          select: { personId: true },
        })
      ).map((r) => r.personId),
    );
    const pool = createPgPool(process.env.DATABASE_URL!, 1, () => {});
    const snapshot = await loadSnapshot(pool, key).finally(() => pool.end());
    const judged = rows.map((row) => {
      const entry = snapshot.people.get(row.employeeNo)!;
      return {
        row: JSON.stringify(row),
        fresh: isFresh(row, key, at),
        notStale: !stale.has(row.personId),
        answered: entry.certification !== null && t >= entry.from && t < entry.until,
      };
    });
    for (const j of judged)
      expect({ row: j.row, notStale: j.notStale, answered: j.answered }).toEqual({
        row: j.row,
        notStale: j.fresh,
        answered: j.fresh,
      });
    expect(judged.filter((j) => j.fresh).length, "some kinds are fresh").toBeGreaterThan(0);
  });
});

describe("a whole company's recompute, batch by batch", () => {
  it("stores for every one of 350 people what the function gives over their own history", async () => {
    // More people than two batches at once (recomputeCertifications): batches run side by side and in turn.
    const quizId = (await caseWorkQuizId())!;
    const department = await db.department.findFirstOrThrow({ select: { id: true } });
    const n = 350;
    await db.person.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `bulk${String(i).padStart(4, "0")}`,
        employeeNo: `Z${String(i).padStart(5, "0")}`,
        name: `批量${i}`,
        departmentId: department.id,
        post: "催收员",
        status: i % 7 === 0 ? ("NEW_HIRE" as const) : ("ACTIVE" as const),
        disabledAt: i % 11 === 0 ? now() : null,
      })),
    });
    const rules = Object.fromEntries(
      (await db.callRuleVersion.findMany({ select: { ruleId: true } })).map((r) => [r.ruleId, 1]),
    );
    await db.quizAttempt.createMany({
      data: Array.from({ length: n }, (_, i) =>
        Array.from({ length: i % 4 }, (_, k) => {
          const score = [95, 60, 100, 85][(i + k) % 4];
          return {
            quizId,
            personId: `bulk${String(i).padStart(4, "0")}`,
            mode: "FULL" as const,
            status: "SUBMITTED" as const,
            startedAt: new Date(now().getTime() - (400 - k * 90 - (i % 50)) * DAY),
            deadlineAt: new Date(now().getTime() - (400 - k * 90 - (i % 50)) * DAY + 600_000),
            submittedAt: new Date(now().getTime() - (400 - k * 90 - (i % 50)) * DAY + 300_000),
            passPercent: 90,
            ruleVersions: rules,
            questionCount: 20,
            correctCount: score / 5,
            scorePercent: score,
            passed: score >= 90,
            redLineMissed: score === 85,
          };
        }),
      ).flat(),
    });

    const ids = (await db.person.findMany({ select: { id: true } })).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(n);
    const computed = await recomputeCertifications(ids);
    expect(computed.size).toBe(ids.length);
    const statuses = new Set<string>();
    for (const id of ids) {
      const expected = await truth(id);
      statuses.add(expected.status);
      expect(computed.get(id), id).toEqual(expected);
      const row = await db.certificationState.findUniqueOrThrow({ where: { personId: id } });
      expect(row.dirty, id).toBe(false);
      expect(fromStored(row), id).toEqual(expected);
    }
    // The people differ: the comparison covers more than one outcome.
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
