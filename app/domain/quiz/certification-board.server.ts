// The training manager's board: who is certified, expiring, lapsed or never passed, by department,
// and which rules are missed most often. Department heads get their own department's rows only.
// It lives with the quiz (whose attempts it sweeps and counts): certification imports nothing from quiz.
import { caseWorkQuizId, certificationsFor } from "~/domain/certification/certification-queries.server";
import { BOARD_STATUSES, type CertStatus } from "~/domain/certification/certification-rules";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { isCollectionPost } from "./assignment-rules";
import { finaliseExpiredAttempts } from "./submit-attempt.server";
const MISSED_WINDOW_DAYS = 90;

export async function certificationBoard(scopeDepartmentIds: string[] | null) {
  await finaliseExpiredAttempts();
  const quizId = await caseWorkQuizId();
  const inScope = scopeDepartmentIds ? { departmentId: { in: scopeDepartmentIds } } : {};
  const [people, departments] = await Promise.all([
    db.person.findMany({
      where: { ...inScope, status: { not: "LEFT" }, disabledAt: null },
      orderBy: { employeeNo: "asc" },
      select: {
        id: true,
        employeeNo: true,
        name: true,
        post: true,
        status: true,
        departmentId: true,
        quizAssignments: { where: { doneAt: null }, select: { reason: true } },
      },
    }),
    db.department.findMany({ select: { id: true, name: true, parentId: true, kind: true, sortOrder: true } }),
  ]);
  const board = people.filter((p) => isCollectionPost(p.post) || p.quizAssignments.length > 0);
  const since = new Date(now().getTime() - MISSED_WINDOW_DAYS * 86_400_000);
  // Action records refused by the call-script checks, beside quiz misses: both show which rules an agent gets wrong.
  const breachWhere = { at: { gte: since }, personId: { in: board.map((p) => p.id) } };
  const [certs, breachesByRule, breachesByPerson] = await Promise.all([
    certificationsFor(board),
    db.caseRuleBreach.groupBy({ by: ["ruleId"], where: breachWhere, _count: { _all: true } }),
    db.caseRuleBreach.groupBy({ by: ["personId"], where: breachWhere, _count: { _all: true } }),
  ]);
  const breachCount = new Map(breachesByPerson.map((b) => [b.personId, b._count._all]));

  // Teams roll up into their department.
  const byId = new Map(departments.map((d) => [d.id, d]));
  const topOf = (id: string) => {
    let d = byId.get(id);
    while (d && d.kind === "TEAM" && d.parentId) d = byId.get(d.parentId);
    return d;
  };
  const rows = board.map((p) => {
    const c = certs.get(p.id)!;
    return {
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      post: p.post,
      departmentId: topOf(p.departmentId)?.id ?? p.departmentId,
      team: byId.get(p.departmentId)?.name ?? "",
      status: c.status,
      validUntil: c.validUntil,
      certifiedAt: c.certifiedAt,
      staleRuleIds: c.staleRules.map((s) => s.ruleId),
      assigned: p.quizAssignments[0]?.reason ?? null,
      breaches: breachCount.get(p.id) ?? 0,
    };
  });
  const summary = [...new Set(rows.map((r) => r.departmentId))]
    .map((id) => byId.get(id)!)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((d) => ({
      id: d.id,
      name: d.name,
      counts: Object.fromEntries(
        BOARD_STATUSES.map((s) => [s, rows.filter((r) => r.departmentId === d.id && r.status === s).length]),
      ) as Record<CertStatus, number>,
    }));

  const missed = quizId
    ? await db.quizAttempt.findMany({
        where: { quizId, status: "SUBMITTED", submittedAt: { gte: since }, personId: { in: board.map((p) => p.id) } },
        select: { missedRuleIds: true },
      })
    : [];
  const counts = new Map<string, number>();
  for (const a of missed) for (const id of a.missedRuleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const titles = await db.callRuleVersion.findMany({
    where: { ruleId: { in: top.map(([id]) => id) } },
    orderBy: { version: "desc" },
    select: { ruleId: true, titleZh: true, titleEn: true, redLine: true },
  });
  const mostMissed = top.map(([ruleId, count]) => ({ ...titles.find((t) => t.ruleId === ruleId)!, ruleId, count }));

  const breachTitles = await db.callRuleVersion.findMany({
    where: { ruleId: { in: breachesByRule.map((b) => b.ruleId) } },
    orderBy: { version: "desc" },
    select: { ruleId: true, titleZh: true, titleEn: true },
  });
  const mostBreached = breachesByRule
    .map((b) => ({
      ruleId: b.ruleId,
      count: b._count._all,
      titleZh: breachTitles.find((t) => t.ruleId === b.ruleId)?.titleZh ?? b.ruleId,
      titleEn: breachTitles.find((t) => t.ruleId === b.ruleId)?.titleEn ?? b.ruleId,
    }))
    .sort((a, b) => b.count - a.count);

  return {
    rows,
    mostBreached,
    summary: summary.map((s) => ({ ...s, total: rows.filter((r) => r.departmentId === s.id).length })),
    mostMissed,
    missedWindowDays: MISSED_WINDOW_DAYS,
  };
}
