// The training manager's board: who is certified, expiring, lapsed or never passed, by department,
// and which rules are missed most often. Department heads get their own department's rows only.
// Read from the stored certification (ADR 0024): counts in SQL, one keyset page of people at a time.
// It lives with the quiz (whose attempts it counts): certification imports nothing from quiz.
import { caseWorkQuizId } from "~/domain/certification/certification-queries.server";
import { BOARD_STATUSES, type CertStatus } from "~/domain/certification/certification-rules";
import { refreshStaleCertifications, staleRuleIds } from "~/domain/certification/certification-store.server";
import { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { sharedRead } from "~/utils/shared-read";

import { COLLECTION_POSTS } from "./assignment-rules";
import { finaliseExpiredAttempts } from "./submit-attempt.server";

const MISSED_WINDOW_DAYS = 90;
export const BOARD_PAGE_SIZE = 50;

// The most-missed and most-broken rules of 90 days are sums over tens of thousands of attempts (~290 ms a view
// on the bench company, EXPLAIN ANALYZE). A figure a minute old says the same of 90 days, so in production each
// process reads them once a minute per scope, shared by everyone opening the board meanwhile; after the minute
// the last figures are still shown (up to a minute more) while one new read runs, so nobody waits ~0.3 s for it
// but the first viewer of a scope. Tests always read.
const RULE_STATS_MS = process.env.NODE_ENV === "production" ? 60_000 : 0;
const ruleStats = sharedRead<[BreachedRule[], CountedRule[]]>({
  ms: RULE_STATS_MS,
  staleMs: RULE_STATS_MS,
  maxKeys: 200,
  at: () => Date.now(),
});

export type BoardQuery = { status?: CertStatus; departmentId?: string; q?: string; after?: string };

/** Who the board lists: not left, not disabled, in a collection post or with a quiz to take. */
function boardPeople(scope: string[] | null): Prisma.PersonWhereInput {
  return {
    ...(scope ? { departmentId: { in: scope } } : {}),
    status: { not: "LEFT" },
    disabledAt: null,
    OR: [
      ...COLLECTION_POSTS.map((post) => ({ post: { contains: post } })),
      { quizAssignments: { some: { doneAt: null } } },
    ],
  };
}

/** The same people in SQL, for the grouped counts (alias p for "Person"). */
function boardPeopleSql(scope: string[] | null): Prisma.Sql {
  return Prisma.sql`p.status <> 'LEFT' AND p."disabledAt" IS NULL
    AND (${scope}::text[] IS NULL OR p."departmentId" = ANY(${scope}::text[]))
    AND (p.post LIKE ANY(${COLLECTION_POSTS.map((post) => `%${post}%`)}::text[])
      OR EXISTS (SELECT 1 FROM "QuizAssignment" qa WHERE qa."personId" = p.id AND qa."doneAt" IS NULL))`;
}

export async function certificationBoard(scopeDepartmentIds: string[] | null, query: BoardQuery = {}) {
  await finaliseExpiredAttempts();
  const inBoard = boardPeople(scopeDepartmentIds);
  // Counts and pages are read in SQL: first bring the stale rows of these people up to date.
  await refreshStaleCertifications(inBoard);
  const since = new Date(now().getTime() - MISSED_WINDOW_DAYS * 86_400_000);
  const [quizId, departments, counted] = await Promise.all([
    caseWorkQuizId(),
    db.department.findMany({ select: { id: true, name: true, parentId: true, kind: true, sortOrder: true } }),
    db.$queryRaw<Array<{ departmentId: string; status: CertStatus; n: number }>>`
      SELECT p."departmentId", c.status, count(*)::int AS n
      FROM "Person" p JOIN "CertificationState" c ON c."personId" = p.id
      WHERE ${boardPeopleSql(scopeDepartmentIds)} GROUP BY 1, 2`,
  ]);

  // Teams roll up into their department.
  const byId = new Map(departments.map((d) => [d.id, d]));
  const topOf = (id: string) => {
    let d = byId.get(id);
    while (d && d.kind === "TEAM" && d.parentId) d = byId.get(d.parentId);
    return d?.id ?? id;
  };
  const summaryOf = new Map<string, Record<CertStatus, number>>();
  for (const c of counted) {
    const top = topOf(c.departmentId);
    const counts =
      summaryOf.get(top) ?? (Object.fromEntries(BOARD_STATUSES.map((s) => [s, 0])) as Record<CertStatus, number>);
    counts[c.status] += c.n;
    summaryOf.set(top, counts);
  }
  const summary = [...summaryOf]
    .map(([id, counts]) => ({ id, name: byId.get(id)?.name ?? id, sortOrder: byId.get(id)?.sortOrder ?? 0, counts }))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ sortOrder: _, ...d }) => ({ ...d, total: BOARD_STATUSES.reduce((n, s) => n + d.counts[s], 0) }));

  // The page: people of the board matching the filters, by employee number, after the last one shown.
  const q = query.q?.trim();
  const listed: Prisma.PersonWhereInput = {
    AND: [
      inBoard,
      query.departmentId
        ? { departmentId: { in: departments.filter((d) => topOf(d.id) === query.departmentId).map((d) => d.id) } }
        : {},
      query.status ? { certification: { status: query.status } } : {},
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { employeeNo: { startsWith: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const [page, total] = await Promise.all([
    db.person.findMany({
      where: { AND: [listed, query.after ? { employeeNo: { gt: query.after } } : {}] },
      orderBy: { employeeNo: "asc" },
      take: BOARD_PAGE_SIZE + 1,
      select: {
        id: true,
        employeeNo: true,
        name: true,
        post: true,
        departmentId: true,
        quizAssignments: { where: { doneAt: null }, select: { reason: true } },
        // What a row shows: the reasons (the longest JSON of a row) are the person's page's, not the board's.
        certification: { select: { status: true, validUntil: true, certifiedAt: true, staleRules: true } },
      },
    }),
    // Every board person has a stored row once refreshed, so without a search the grouped counts already hold the
    // total: one statement less per view. A search still counts its matches.
    q ? db.person.count({ where: listed }) : countedTotal(summaryOf, query),
  ]);
  const shown = page.slice(0, BOARD_PAGE_SIZE);
  const ids = shown.map((p) => p.id);
  // Action records refused by the call-script checks, beside quiz misses: both show which rules an agent gets wrong.
  const [breachesByPerson, [mostBreached, mostMissed]] = await Promise.all([
    db.caseRuleBreach.groupBy({
      by: ["personId"],
      where: { at: { gte: since }, personId: { in: ids } },
      _count: { _all: true },
    }),
    ruleStats(`${quizId}|${scopeDepartmentIds?.join(",") ?? "*"}`, () =>
      Promise.all([
        breachedRules(scopeDepartmentIds, since),
        quizId ? missedRules(scopeDepartmentIds, quizId, since) : ([] as CountedRule[]),
      ]),
    ),
  ]);
  const breachCount = new Map(breachesByPerson.map((b) => [b.personId, b._count._all]));
  const rows = shown.map((p) => {
    const c = p.certification;
    return {
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      post: p.post,
      departmentId: topOf(p.departmentId),
      team: byId.get(p.departmentId)?.name ?? "",
      status: (c?.status ?? "never") as CertStatus,
      validUntil: c?.validUntil ?? null,
      certifiedAt: c?.certifiedAt ?? null,
      staleRuleIds: c ? staleRuleIds(c.staleRules) : [],
      assigned: p.quizAssignments[0]?.reason ?? null,
      breaches: breachCount.get(p.id) ?? 0,
    };
  });
  return {
    rows,
    total,
    nextAfter: page.length > BOARD_PAGE_SIZE ? shown[shown.length - 1].employeeNo : null,
    summary,
    mostBreached,
    mostMissed,
    missedWindowDays: MISSED_WINDOW_DAYS,
  };
}

/** How many people the grouped counts hold for a department filter (top department) and a status filter. */
function countedTotal(summaryOf: Map<string, Record<CertStatus, number>>, query: BoardQuery): number {
  let total = 0;
  for (const [top, counts] of summaryOf) {
    if (query.departmentId && top !== query.departmentId) continue;
    for (const status of BOARD_STATUSES) if (!query.status || status === query.status) total += counts[status];
  }
  return total;
}

/** A rule's title (of its latest version) beside each counted rule, in the same statement. */
const latestTitle = Prisma.sql`LEFT JOIN LATERAL (
    SELECT v."titleZh", v."titleEn", v."redLine" FROM "CallRuleVersion" v
    WHERE v."ruleId" = t."ruleId" ORDER BY v.version DESC LIMIT 1
  ) v ON true`;

type CountedRule = { ruleId: string; count: number; titleZh: string; titleEn: string; redLine: boolean };
type BreachedRule = Omit<CountedRule, "redLine">;

/** The rules most often missed in the board's people's attempts of the window, counted in SQL. */
async function missedRules(scope: string[] | null, quizId: string, since: Date) {
  // Attempts first counted per person and set of missed rules (from the index alone, no table rows), so
  // that only a few thousand groups, not every attempt, are joined to the people and unnested.
  return db.$queryRaw<CountedRule[]>`
    SELECT t."ruleId", t.count, coalesce(v."titleZh", t."ruleId") AS "titleZh",
      coalesce(v."titleEn", t."ruleId") AS "titleEn", coalesce(v."redLine", false) AS "redLine"
    FROM (
      SELECT r AS "ruleId", sum(m.n)::int AS count
      FROM (
        SELECT a."personId", a."missedRuleIds", count(*) AS n FROM "QuizAttempt" a
        WHERE a."quizId" = ${quizId} AND a.status = 'SUBMITTED'
          AND a."submittedAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')
          AND a."missedRuleIds" <> '{}'
        GROUP BY 1, 2
      ) m JOIN "Person" p ON p.id = m."personId", unnest(m."missedRuleIds") AS r
      WHERE ${boardPeopleSql(scope)}
      GROUP BY r ORDER BY count DESC, r LIMIT 8
    ) t ${latestTitle}
    ORDER BY t.count DESC, t."ruleId"`;
}

/** The rules broken most often in the board's people's refused action records of the window. */
async function breachedRules(scope: string[] | null, since: Date): Promise<BreachedRule[]> {
  const rows = await db.$queryRaw<CountedRule[]>`
    SELECT t."ruleId", t.count, coalesce(v."titleZh", t."ruleId") AS "titleZh",
      coalesce(v."titleEn", t."ruleId") AS "titleEn"
    FROM (
      SELECT b."ruleId", count(*)::int AS count
      FROM "CaseRuleBreach" b JOIN "Person" p ON p.id = b."personId"
      WHERE b.at >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC') AND ${boardPeopleSql(scope)}
      GROUP BY 1
    ) t ${latestTitle}
    ORDER BY t.count DESC, t."ruleId"`;
  return rows.map(({ ruleId, count, titleZh, titleEn }) => ({ ruleId, count, titleZh, titleEn }));
}
