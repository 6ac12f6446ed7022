import { redirect } from "@remix-run/node";

import { writeRefusalAudit } from "./audit.server";
import { db } from "./db.server";
import { subtreeIds } from "./department-tree";
import { currentRequest } from "./logger.server";
import { scopeFor, type Permission, type RoleName, type Scope } from "./permissions";
import { safeRedirect } from "./safe-redirect";
import { lookupSession, lookupSessionByToken, readSessionTokenFromHeader, type SessionLookup } from "./session.server";

export type CurrentUser = {
  id: string;
  employeeNo: string;
  name: string;
  departmentId: string;
  roles: RoleName[];
  headOfDepartmentIds: string[];
  locale: string | null;
  mustChangePassword: boolean;
};

// Look the user up once per HTTP request. Remix hands each loader its own copy of the Request (it strips
// `?index` and `?_routes` into a new one), so the root, layout and page loaders of one page would otherwise
// each read the session: the lookup is also kept on the request's context (logger.server.ts) for a GET with
// the same cookie. Not for other methods: an action may end or start the session before the loaders run.
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();
const usersByContext = new WeakMap<object, { cookie: string | null; user: Promise<CurrentUser | null> }>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let user = usersByRequest.get(request);
  if (user) return user;
  const context = request.method === "GET" || request.method === "HEAD" ? currentRequest() : undefined;
  const cookie = request.headers.get("Cookie");
  const shared = context ? usersByContext.get(context) : undefined;
  if (shared && shared.cookie === cookie) user = shared.user;
  else {
    user = lookupSession(request).then(userFromSession);
    if (context) usersByContext.set(context, { cookie, user });
  }
  usersByRequest.set(request, user);
  return user;
}

function userFromSession(session: SessionLookup): CurrentUser | null {
  if (session.status !== "valid") return null;
  const person = session.person;
  if (person.disabledAt || person.status === "LEFT") return null;
  const roles = person.roles.map((r) => r.role as RoleName);
  return {
    id: person.id,
    employeeNo: person.employeeNo,
    name: person.name,
    departmentId: person.departmentId,
    locale: person.locale,
    mustChangePassword: person.mustChangePassword,
    roles,
    headOfDepartmentIds: person.roles
      .filter((r) => r.role === "DEPARTMENT_HEAD")
      .map((r) => r.departmentId ?? person.departmentId),
  };
}

/** The login page, back to `returnTo` after; "expired" when the browser still sent a session cookie. */
function loginPath(returnTo: string, cookieHeader: string | null | undefined) {
  const params = new URLSearchParams({ redirectTo: safeRedirect(returnTo) });
  if ((cookieHeader ?? "").includes("tg_session=")) params.set("reason", "expired");
  return `/login?${params}`;
}

/** The signed-in person; anyone else goes to the login page, and a forced password change comes first. */
export async function requireUser(
  request: Request,
  options: { allowPasswordChange?: boolean } = {},
): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(loginPath(url.pathname + url.search, request.headers.get("Cookie")));
  }
  if (user.mustChangePassword && !options.allowPasswordChange) throw redirect("/password");
  return user;
}

export type Authorized = { user: CurrentUser; scope: Scope };

// Repeats of one person's refusal for one permission are counted, not each written (audit-repeats.ts).
function auditRefusal(user: CurrentUser, permission: Permission, path: string, method: string) {
  return writeRefusalAudit(
    {
      actor: { id: user.id, employeeNo: user.employeeNo },
      action: "auth.refused",
      entityType: "Route",
      entityId: path,
      summary: { permission, method },
    },
    { action: "auth.refused", actorId: user.id, what: permission, method },
  );
}

/** Checks a permission on the server; a refusal is audited and answered with 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<Authorized> {
  const user = await requireUser(request);
  const scope = scopeFor(user.roles, permission);
  if (!scope) {
    await auditRefusal(user, permission, new URL(request.url).pathname, request.method);
    throw new Response("Forbidden", { status: 403 });
  }
  return { user, scope };
}

export type ApiAuthorization =
  | ({ ok: true } & Authorized)
  | {
      ok: false;
      status: 401 | 403;
      error: "auth.sessionEnded" | "auth.mustChangePassword" | "errors.forbidden";
      redirect?: string;
    };

/**
 * requirePermission for the JSON fast paths, which answer before a Request exists: the same session,
 * the same rules (signed in, password changed, permission), the same audited refusal; an answer
 * instead of a redirect.
 */
export async function authorizeApiCall(
  call: { cookie: string | undefined; secure: boolean; path: string; method: string; returnTo: string },
  permission: Permission,
): Promise<ApiAuthorization> {
  const token = await readSessionTokenFromHeader(call.cookie, call.secure);
  const user = userFromSession(await lookupSessionByToken(token));
  if (!user)
    return { ok: false, status: 401, error: "auth.sessionEnded", redirect: loginPath(call.returnTo, call.cookie) };
  if (user.mustChangePassword)
    return { ok: false, status: 403, error: "auth.mustChangePassword", redirect: "/password" };
  const scope = scopeFor(user.roles, permission);
  if (!scope) {
    await auditRefusal(user, permission, call.path, call.method);
    return { ok: false, status: 403, error: "errors.forbidden" };
  }
  return { ok: true, user, scope };
}

/** The department ids a scope covers: null means every department. */
export async function departmentIdsInScope(auth: Authorized): Promise<string[] | null> {
  if (auth.scope === "any") return null;
  if (auth.scope === "own") return [];
  // Asked several times by one request (the case list: its scope, its count, the agents): read once.
  let ids = scopeIdsByAuth.get(auth);
  if (!ids) {
    ids = db.department
      .findMany({ select: { id: true, parentId: true, name: true } })
      .then((departments) => subtreeIds(departments, auth.user.headOfDepartmentIds));
    scopeIdsByAuth.set(auth, ids);
  }
  return ids;
}
const scopeIdsByAuth = new WeakMap<Authorized, Promise<string[]>>();
