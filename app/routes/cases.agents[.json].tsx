import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { searchAssignableAgents } from "~/domain/cases/case-queries.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";

// The suggestions of the case list's "assign to" field, asked for as the head types: a handful of the
// department's agents matching the words, never the whole department (see agent-options.ts).
const Query = z.object({ q: z.string().trim().max(60).catch("") });

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "assign:case");
  const { q } = Query.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  const agents = await searchAssignableAgents(await departmentIdsInScope(auth), q);
  return Response.json({ agents }, { headers: { "Cache-Control": "private, no-store" } });
}
