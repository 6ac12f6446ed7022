import type { Params } from "@remix-run/react";
import { z } from "zod";

/** A row id in a URL (cuid today); anything else cannot name a row. */
export const Id = z.string().trim().min(1).max(64);

/**
 * Throws a Response when the condition is false (as Epic Stack's app/utils/misc.tsx): one line for
 * "missing → 404". The route's ErrorBoundary shows the status inside the layout.
 */
export function invariantResponse(
  condition: unknown,
  message: string | (() => string),
  init?: ResponseInit,
): asserts condition {
  if (!condition) throw new Response(typeof message === "function" ? message() : message, { status: 400, ...init });
}

/** The route's params checked by a zod schema; a URL they do not fit names nothing: 404. */
export function getParams<S extends z.ZodType>(params: Params, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  invariantResponse(parsed.success, "Not found", { status: 404 });
  return parsed.data;
}
