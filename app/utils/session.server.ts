import { createHash, randomBytes } from "node:crypto";

import { createCookie } from "@remix-run/node";

import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { noteRequestPerson } from "~/utils/logger.server";
import { sql } from "~/utils/sql.server";

import { isFeedLive, onChange } from "./change-feed.server";
import { createSessionCache } from "./session-cache";
import { needsTouch, sessionExpiry, sessionState, SESSION_ABSOLUTE_MS, SESSION_TOUCH_MS } from "./session-rules";

const base = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: SESSION_ABSOLUTE_MS / 1000 };
const httpCookie = createCookie("tg_session", { ...base, secure: false });
const httpsCookie = createCookie("__Host-tg_session", { ...base, secure: true });

function cookieFor(request: Request) {
  return new URL(request.url).protocol === "https:" ? httpsCookie : httpCookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// In production, while this process hears the change feed, a session read is kept for up to a minute
// (ADR 0028): the database's triggers announce every ended session and every change to a person's or
// role's data, and the feed's listeners forget every copy at once. Without the feed (or in tests) it reads
// every time, as before.
const sessions = createSessionCache<Row>({
  ttlMs: () => (process.env.NODE_ENV === "production" && isFeedLive() ? SESSION_TOUCH_MS : 0),
  maxEntries: 20_000,
  clock: () => performance.now(),
});
onChange("sessions", () => sessions.forgetAll());

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
  if (!token) return;
  const id = hashToken(token);
  // The database's trigger tells every process once this commits; this process forgets it at once.
  sessions.forget(id);
  await tx.session.deleteMany({ where: { id } });
}

export async function deleteAllSessions(tx: Tx, personId: string) {
  sessions.forgetAll();
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
  const generation = sessions.generation();
  const at = now();
  let row = sessions.get(id);
  // A copy is trusted only to say "valid": an ending is always confirmed by the database.
  if (row && sessionState(row, at) !== "valid") row = undefined;
  if (!row) {
    // Plain SQL: every request of every page and of the quiz's JSON calls starts here (ADR 0010).
    [row] = await sql<Row>(
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
    if (!row) return { status: "ended" };
    if (sessionState(row, at) !== "valid") {
      sessions.forget(id);
      await sql(`DELETE FROM "Session" WHERE id = $1`, [id]);
      return { status: "ended" };
    }
    sessions.remember(id, row, generation);
  }
  if (needsTouch(row, at)) {
    await sql(`UPDATE "Session" SET "lastSeenAt" = $2::timestamptz WHERE id = $1`, [id, at]);
    sessions.remember(id, { ...row, lastSeenAt: at }, generation);
  }
  const { createdAt: _c, lastSeenAt: _l, expiresAt: _e, ...person } = row;
  // The request's log line names the person by id.
  noteRequestPerson(person.id);
  return { status: "valid", person };
}
