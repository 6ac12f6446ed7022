import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { MakeUpFilters, MakeUpTable, MakeUpTabs } from "~/components/attendance/make-up-list";
import { KeysetPagination } from "~/components/keyset-pagination";
import { makeUpCandidates, wantKey } from "~/domain/attendance/make-up-candidates.server";
import { makeUpCourses, makeUpList } from "~/domain/attendance/make-up-queries.server";
import { MakeUpListQuery } from "~/domain/attendance/make-up-schema";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { flattenTree, subtreeIds } from "~/utils/department-tree";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The clerk's and training manager's view of make-ups: who still owes one, who is enrolled in one still
// ahead, and the new hires who missed onboarding. Read-only: trainees choose on /my-make-ups.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:make-ups");
  const query = MakeUpListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const at = now();
  const departments = await db.department.findMany({
    select: { id: true, parentId: true, name: true, sortOrder: true },
  });
  const departmentId = departments.some((d) => d.id === query.departmentId) ? query.departmentId! : null;
  const [list, courses] = await Promise.all([
    makeUpList({
      view: query.view,
      departmentIds: departmentId ? subtreeIds(departments, [departmentId]) : null,
      courseId: query.courseId || null,
      after: query.after,
      before: query.before,
      at,
    }),
    makeUpCourses(at),
  ]);
  // Candidate counts for the page's owed rows only: a fixed number of queries for the whole page.
  const owed = list.rows.filter((r) => r.standing === "OWED");
  const candidates = await makeUpCandidates(
    owed.map((r) => ({ personId: r.personId, missedSessionId: r.missedSessionId })),
    at,
  );
  return {
    view: query.view,
    departmentId,
    courseId: query.courseId || null,
    departments: flattenTree(departments).filter((d) => d.parentId !== null),
    courses,
    counts: list.counts,
    next: list.next,
    previous: list.previous,
    rows: list.rows.map((r) => ({
      ...r,
      candidateCount: r.standing === "OWED" ? (candidates.get(wantKey(r))?.length ?? 0) : null,
    })),
  };
}

export default function MakeUpsPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="page-title">{t("makeUps.list.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("makeUps.list.intro")}</p>
      </div>
      <MakeUpTabs view={data.view} counts={data.counts} />
      <MakeUpFilters
        view={data.view}
        departmentId={data.departmentId}
        courseId={data.courseId}
        departments={data.departments}
        courses={data.courses}
      />
      <MakeUpTable view={data.view} rows={data.rows} />
      <KeysetPagination next={data.next} previous={data.previous} />
    </div>
  );
}
