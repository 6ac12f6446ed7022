import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ArchiveListPage } from "~/components/archive/archive-list";
import { archiveTabCounts, closedSessions, openSessions } from "~/domain/archive/archive-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { now } from "~/utils/clock.server";
import { keysetQuery } from "~/utils/keyset";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The clerk's archive desk (step 012): sessions that have ended and wait for their roster to be closed, oldest
// first, and the rosters closed already; both by month, a keyset page at a time (the tabs' counts are the totals).
const Query = z.object({
  view: z.enum(["open", "closed"]).catch("open"),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  ...keysetQuery,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "close:roster");
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { timeZone } = await getSettings();
  const at = now();
  const month = query.month ?? null;
  const counts = await archiveTabCounts(at, month, timeZone);
  const input = { at, month, timeZone, after: query.after, before: query.before };
  const list =
    query.view === "open"
      ? { view: "open" as const, ...(await openSessions(input)) }
      : { view: "closed" as const, ...(await closedSessions(input)) };
  return { month, counts, list };
}

export default function ArchiveRoute() {
  return <ArchiveListPage {...useLoaderData<typeof loader>()} />;
}
