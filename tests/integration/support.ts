// Helpers for integration tests: the demo company as fixture, and requests made as one of its people.
import { db } from "~/utils/db.server";
import { createSession, sessionCookieHeader } from "~/utils/session.server";
import { seedDemo } from "../../prisma/seed/demo";

export const BASE = "http://localhost:3000";

export async function seedDemoCompany() {
  await seedDemo();
}

export async function personId(employeeNo: string) {
  return (await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } })).id;
}

export async function cookieFor(employeeNo: string): Promise<string> {
  const id = await personId(employeeNo);
  const token = await db.$transaction((tx) => createSession(tx, id));
  const header = await sessionCookieHeader(new Request(BASE), token);
  return header.split(";")[0];
}

export function requestAs(cookie: string | null, path: string, init: { method?: string; form?: Record<string, string | string[]> } = {}) {
  const headers = new Headers({ Origin: BASE });
  if (cookie) headers.set("Cookie", cookie);
  let body: FormData | undefined;
  if (init.form) {
    body = new FormData();
    for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(BASE + path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Runs a loader or action and returns its Response, whether it returned or threw one. */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    // Single-fetch `data()` results carry their status in `init`.
    const maybe = result as { type?: string; data?: unknown; init?: { status?: number } } | null;
    if (maybe && maybe.type === "DataWithResponseInit") return { status: maybe.init?.status ?? 200, location: null, body: maybe.data };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
}
