// The per-process copy of sessions (ADR 0028) against a real PostgreSQL: in production, while the change
// feed listens, a session is read from the database once and then served from the copy; whatever ends a
// session or changes what it carries — written by this process, another process, or psql — reaches the
// copy through the database's triggers within moments, long before the copy's minute is over. Without the
// feed nothing is kept.
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";

import { type ChangeFeed, isFeedLive, startChangeFeed } from "~/utils/change-feed.server";
import { db, getPool } from "~/utils/db.server";
import {
  deleteSessionByToken,
  lookupSessionByToken,
  readSessionTokenFromHeader,
  type SessionLookup,
} from "~/utils/session.server";

import { cookieFor, demoCompanyBeforeEachTest, personId } from "./support";

demoCompanyBeforeEachTest();

// Another process: its own connection, nothing of this process's code.
let other: pg.Client;
let feed: ChangeFeed | null = null;
let token: string;
let statements = 0;

const startFeed = async () => {
  feed = startChangeFeed({ connectionString: process.env.DATABASE_URL!, retryMs: 50, maxRetryMs: 200 });
  await vi.waitFor(() => expect(isFeedLive()).toBe(true), { timeout: 10_000 });
};
/** The lookup, counting the statements it sends. */
const lookup = async (): Promise<{ session: SessionLookup; statements: number }> => {
  const before = statements;
  const session = await lookupSessionByToken(token);
  return { session, statements: statements - before };
};
const person = (s: SessionLookup) => (s.status === "valid" ? s.person : null);
/** Well inside the copy's minute: an answer within this comes from the notification, not the copy's age. */
const PROMPTLY = { timeout: 5_000, interval: 20 };

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  const pool = getPool();
  const query = pool.query.bind(pool);
  vi.spyOn(pool, "query").mockImplementation(((...args: Parameters<typeof query>) => {
    statements++;
    return query(...args);
  }) as typeof pool.query);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await other.end();
});
beforeEach(async () => {
  vi.stubEnv("NODE_ENV", "production");
  await startFeed();
  token = (await readSessionTokenFromHeader(await cookieFor("C0102"), false))!;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await feed?.stop();
  feed = null;
});

it("reads a session once, then serves it from the copy", async () => {
  const first = await lookup();
  expect(person(first.session)?.employeeNo).toBe("C0102");
  expect(first.statements).toBe(1);
  const second = await lookup();
  expect(person(second.session)).toEqual(person(first.session));
  expect(second.statements).toBe(0);
});

it("ends a session deleted by another process within moments", async () => {
  await lookup();
  await other.query(`DELETE FROM "Session" WHERE "personId" = $1`, [await personId("C0102")]);
  await vi.waitFor(async () => expect((await lookup()).session.status).toBe("ended"), PROMPTLY);
});

it("sees a person disabled, a role taken away and a new name from another process within moments", async () => {
  const id = await personId("C0102");
  expect(person((await lookup()).session)?.disabledAt).toBeNull();
  await other.query(`UPDATE "Person" SET "disabledAt" = now() WHERE id = $1`, [id]);
  await vi.waitFor(async () => expect(person((await lookup()).session)?.disabledAt).not.toBeNull(), PROMPTLY);

  const roles = person((await lookup()).session)!.roles.map((r) => r.role);
  expect(roles.length).toBeGreaterThan(0);
  await other.query(`DELETE FROM "RoleAssignment" WHERE "personId" = $1 AND role = $2`, [id, roles[0]]);
  await vi.waitFor(
    async () => expect(person((await lookup()).session)!.roles.map((r) => r.role)).not.toContain(roles[0]),
    PROMPTLY,
  );

  await other.query(`UPDATE "Person" SET name = '改名测试' WHERE id = $1`, [id]);
  await vi.waitFor(async () => expect(person((await lookup()).session)?.name).toBe("改名测试"), PROMPTLY);
});

it("ends a session this process logs out at once, without waiting for the notification", async () => {
  await lookup();
  await db.$transaction((tx) => deleteSessionByToken(tx, token));
  expect((await lookup()).session.status).toBe("ended");
});

it("keeps no copy while the feed is down (a missed notification must not leave a session alive)", async () => {
  await lookup();
  await feed!.stop();
  feed = null;
  expect((await lookup()).statements).toBe(1);
  expect((await lookup()).statements).toBe(1);
  // Not even for a moment: the very next lookup sees a deletion.
  await other.query(`DELETE FROM "Session" WHERE "personId" = $1`, [await personId("C0102")]);
  expect((await lookup()).session.status).toBe("ended");
});

it("keeps no copy outside production", async () => {
  vi.stubEnv("NODE_ENV", "test");
  await lookup();
  expect((await lookup()).statements).toBe(1);
});
