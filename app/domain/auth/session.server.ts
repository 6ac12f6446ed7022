import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { db, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { needsTouch, sessionExpiry, sessionState, SESSION_ABSOLUTE_MS } from "./auth-rules";

const base = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: SESSION_ABSOLUTE_MS / 1000 };
const httpCookie = createCookie("tg_session", { ...base, secure: false });
const httpsCookie = createCookie("__Host-tg_session", { ...base, secure: true });

function cookieFor(request: Request) {
  return new URL(request.url).protocol === "https:" ? httpsCookie : httpCookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await cookieFor(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export async function createSession(tx: Tx, personId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const created = now();
  await tx.session.create({
    data: { id: hashToken(token), personId, createdAt: created, lastSeenAt: created, expiresAt: sessionExpiry(created) },
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

export type SessionLookup =
  | { status: "none" }
  | { status: "ended" }
  | { status: "valid"; personId: string };

/** Finds the session behind the cookie; ends it on the server when idle or past its absolute limit. */
export async function lookupSession(request: Request): Promise<SessionLookup> {
  const token = await readSessionToken(request);
  if (!token) return { status: "none" };
  const id = hashToken(token);
  const session = await db.session.findUnique({ where: { id } });
  if (!session) return { status: "ended" };
  const at = now();
  if (sessionState(session, at) !== "valid") {
    await db.session.deleteMany({ where: { id } });
    return { status: "ended" };
  }
  if (needsTouch(session, at)) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }
  return { status: "valid", personId: session.personId };
}
