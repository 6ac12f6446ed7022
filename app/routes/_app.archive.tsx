import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ArchiveListPage } from "~/components/archive/archive-list";
import {
  ARCHIVE_PAGE_SIZE,
  archiveTabCounts,
  closedSessions,
  openSessions,
} from "~/domain/archive/archive-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The clerk's archive desk (step 012): sessions that have ended and wait for their roster to be closed, oldest
// first, and the rosters closed already; both by month.
const Query = z.object({
  view: z.enum(["open", "closed"]).catch("open"),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "close:roster");
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { timeZone } = await getSettings();
  const at = now();
  const month = query.month ?? null;
  const counts = await archiveTabCounts(at, month, timeZone);
  const input = { at, month, page: query.page, timeZone };
  const list =
    query.view === "open"
      ? { view: "open" as const, ...(await openSessions(input)) }
      : { view: "closed" as const, ...(await closedSessions(input)) };
  return { month, counts, page: query.page, pages: Math.max(1, Math.ceil(list.total / ARCHIVE_PAGE_SIZE)), list };
}

export default function ArchiveRoute() {
  return <ArchiveListPage {...useLoaderData<typeof loader>()} />;
}
