// The change feed against a real PostgreSQL: a notification sent inside a transaction arrives once it
// commits and never for a rollback, and a listening connection that is cut comes back by itself.
import { afterAll, beforeAll, expect, it, vi } from "vitest";

import {
  type ChangeFeed,
  type ChangeTopic,
  isFeedLive,
  notifyChange,
  notifyChangeSql,
  onChange,
  startChangeFeed,
} from "./change-feed.server";
import { db } from "./db.server";
import { sql, sqlTransaction } from "./sql.server";

let feed: ChangeFeed;
const heard: ChangeTopic[] = [];
const errors: unknown[] = [];
const unsubscribe = onChange(["settings", "clearance"], (topic) => heard.push(topic));

beforeAll(async () => {
  feed = startChangeFeed({
    connectionString: process.env.DATABASE_URL!,
    retryMs: 50,
    maxRetryMs: 200,
    onError: (error) => errors.push(error),
  });
  await vi.waitFor(() => expect(isFeedLive()).toBe(true), { timeout: 10_000 });
  // The first connection announces every topic (whatever changed before it listened).
  await vi.waitFor(() => expect(heard).toEqual(expect.arrayContaining(["settings", "clearance"])));
  heard.length = 0;
});
afterAll(async () => {
  unsubscribe();
  await feed.stop();
  expect(isFeedLive()).toBe(false);
});

it("hears a committed change once, after the commit, and nothing of a rollback", async () => {
  await expect(
    db.$transaction(async (tx) => {
      await notifyChange(tx, "clearance");
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  await db.$transaction(async (tx) => {
    await notifyChange(tx, "settings");
    await notifyChange(tx, "settings"); // PostgreSQL folds repeats within one transaction
    await tx.$executeRaw`SELECT pg_sleep(0.2)`;
    // Not before the commit, even though the notification was sent 200 ms ago.
    expect(heard).toEqual([]);
  });
  await vi.waitFor(() => expect(heard).toEqual(["settings"]), { timeout: 5_000 });
  // The plain-SQL variant inside sqlTransaction, as the quiz hot path would use it.
  await sqlTransaction((client) => notifyChangeSql(client, "clearance"));
  await vi.waitFor(() => expect(heard).toEqual(["settings", "clearance"]), { timeout: 5_000 });
  // A topic nobody here listens to reaches nobody here.
  await db.$transaction((tx) => notifyChange(tx, "quiz"));
  await db.$transaction((tx) => notifyChange(tx, "settings"));
  await vi.waitFor(() => expect(heard).toEqual(["settings", "clearance", "settings"]), { timeout: 5_000 });
});

it("reconnects when its connection is cut, and then announces every topic", async () => {
  heard.length = 0;
  const cut = await sql<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = 'traingate-change-feed'`,
  );
  expect(cut[0].n).toBe(1);
  // Missed notifications cannot be told apart from none: on its return the feed announces everything.
  await vi.waitFor(() => expect(heard).toEqual(expect.arrayContaining(["settings", "clearance"])), {
    timeout: 10_000,
  });
  expect(isFeedLive()).toBe(true);
  // The cut was reported (as an error line in the server's log).
  expect(errors.length).toBeGreaterThan(0);
  heard.length = 0;
  await db.$transaction((tx) => notifyChange(tx, "clearance"));
  await vi.waitFor(() => expect(heard).toEqual(["clearance"]), { timeout: 5_000 });
});
