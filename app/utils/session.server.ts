import { createHash, randomBytes } from "node:crypto";

import { createCookie } from "@remix-run/node";

import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { noteRequestPerson } from "~/utils/logger.server";
import { sql } from "~/utils/sql.server";

import { needsTouch, sessionExpiry, sessionState, SESSION_ABSOLUTE_MS } from "./session-rules";

const base = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: SESSION_ABSOLUTE_MS / 1000 };
const httpCookie = createCookie("tg_session", { ...base, secure: false });
const httpsCookie = createCookie("__Host-tg_session", { ...base, secure: true });

function cookieFor(request: Request) {
  return new URL(request.url).protocol === "https:" ? httpsCookie : httpCookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function readSessionToken(request: Request): Promise<string | null> {
  return readSessionTokenFromHeader(request.headers.get("Cookie"), new URL(request.url).protocol === "https:");
}

/** The same, from a raw Cookie header (the JSON fast paths answer before a Request exists). */
export async function readSessionTokenFromHeader(
  cookieHeader: string | null | undefined,
  secure: boolean,
): Promise<string | null> {
  const value = await (secure ? httpsCookie : httpCookie).parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 20 ? value : null;
}

export async function createSession(tx: Tx, personId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const created = now();
  await tx.session.create({
    data: {
      id: hashToken(token),
      personId,
      createdAt: created,
      lastSeenAt: created,
      expiresAt: sessionExpiry(created),
    },
  });
  return token;
}

export async function deleteSessionByToken(tx: Tx, token: string | null) {
  if (token) await tx.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function deleteAllSessions(tx: Tx, personId: string) {
  await tx.session.deleteMany({ where: { personId } });
}

export function sessionCookieHeader(request: Request, token: string) {
  return cookieFor(request).serialize(token);
}

export function clearSessionCookieHeader(request: Request) {
  return cookieFor(request).serialize("", { maxAge: 0 });
}

export type SessionPerson = {
  id: string;
  employeeNo: string;
  name: string;
  departmentId: string;
  locale: string | null;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  status: string;
  roles: Array<{ role: string; departmentId: string | null }>;
};

export type SessionLookup = { status: "none" } | { status: "ended" } | { status: "valid"; person: SessionPerson };

type Row = SessionPerson & { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

/**
 * Finds the session behind the cookie and its person with roles in one round trip (every page
 * request needs it); ends the session on the server when idle or past its absolute limit.
 */
export async function lookupSession(request: Request): Promise<SessionLookup> {
  return lookupSessionByToken(await readSessionToken(request));
}

export async function lookupSessionByToken(token: string | null): Promise<SessionLookup> {
  if (!token) return { status: "none" };
  const id = hashToken(token);
  // Plain SQL: every request of every page and of the quiz's JSON calls starts here (ADR 0010).
  const rows = await sql<Row>(
    `SELECT s."createdAt", s."lastSeenAt", s."expiresAt",
           p.id, p."employeeNo", p.name, p."departmentId", p.locale, p."mustChangePassword", p."disabledAt",
           p.status::text AS status,
           COALESCE(json_agg(json_build_object('role', r.role, 'departmentId', r."departmentId"))
                      FILTER (WHERE r.id IS NOT NULL),
                    '[]'::json) AS roles
    FROM "Session" s
    JOIN "Person" p ON p.id = s."personId"
    LEFT JOIN "RoleAssignment" r ON r."personId" = p.id
    WHERE s.id = $1
    GROUP BY s.id, p.id`,
    [id],
  );
  const row = rows[0];
  if (!row) return { status: "ended" };
  const at = now();
  if (sessionState(row, at) !== "valid") {
    await sql(`DELETE FROM "Session" WHERE id = $1`, [id]);
    return { status: "ended" };
  }
  if (needsTouch(row, at)) {
    await sql(`UPDATE "Session" SET "lastSeenAt" = $2::timestamptz WHERE id = $1`, [id, at]);
  }
  const { createdAt: _c, lastSeenAt: _l, expiresAt: _e, ...person } = row;
  // The request's log line names the person by id.
  noteRequestPerson(person.id);
  return { status: "valid", person };
}
