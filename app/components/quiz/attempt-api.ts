// The attempt page's JSON calls (app/fast-paths/quiz-attempts.server.ts). Without JavaScript the
// same steps are form posts to the Remix routes.
import { attemptApi } from "~/domain/quiz/attempt.schema";

export type ApiAnswer<T> = {
  status: number;
  body: T & { ok?: boolean; error?: string; redirect?: string; until?: string | null };
};

export async function callAttemptApi<T = Record<string, unknown>>(url: string, body?: unknown): Promise<ApiAnswer<T>> {
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers:
      body === undefined
        ? { Accept: "application/json" }
        : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response
    .json()
    .catch(() => ({ ok: false, error: "errors.unexpected" }))) as ApiAnswer<T>["body"];
  return { status: response.status, body: parsed };
}

export { attemptApi };

/**
 * Single fetch reloads every loader on every navigation. Opening an attempt from the quiz page changes
 * nothing the root and the layout show, and the attempt's own data comes from its clientLoader: those
 * two skip it (ADR 0010). A form post still reloads everything.
 */
export function skipLayoutReloadOpeningAttempt({
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}: {
  nextUrl: URL;
  formMethod?: string;
  defaultShouldRevalidate: boolean;
}) {
  if (!formMethod && /^\/quiz\/attempts\/[^/]+\/?$/.test(nextUrl.pathname)) return false;
  return defaultShouldRevalidate;
}
