// Keeps the per-process copies (settings, the quiz catalogue, the clearance snapshot, sessions) coherent when
// several app processes share one database. A writer calls `notifyChange(tx, topic)` inside its
// transaction: PostgreSQL delivers the notification at commit, and never for a rollback. Every
// process holds one dedicated connection that LISTENs on one channel and tells the caches of that
// topic to forget their copy. While that connection is down a notification can be missed, so the
// caches then fall back to their short lifetimes (`isFeedLive`), and every topic is announced once
// the connection is back.
import pg from "pg";

import type { Tx } from "./db.server";
import type { SqlClient } from "./sql.server";

export const CHANGE_CHANNEL = "traingate_changes";
// "sessions" is sent by triggers in the database (migration quiz2_session_change_notify) whenever a session
// ends or a person's or role's data that a session carries changes, whoever writes it.
export const CHANGE_TOPICS = ["settings", "quiz", "clearance", "sessions"] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

type Listener = (topic: ChangeTopic) => void;
const listeners = new Map<ChangeTopic, Set<Listener>>();

/** Calls `listener` when any of `topics` changed (in this process or another one); returns the unsubscribe. */
export function onChange(topics: ChangeTopic | readonly ChangeTopic[], listener: Listener): () => void {
  const list = typeof topics === "string" ? [topics] : topics;
  for (const topic of list) {
    const set = listeners.get(topic) ?? new Set();
    set.add(listener);
    listeners.set(topic, set);
  }
  return () => {
    for (const topic of list) listeners.get(topic)?.delete(listener);
  };
}

let reportError: (error: unknown) => void = (error) => console.error("[change-feed]", error);

/** Tells this process's listeners of `topic` (what a notification from the database does). */
export function announceChange(topic: ChangeTopic) {
  for (const listener of listeners.get(topic) ?? []) {
    try {
      listener(topic);
    } catch (error) {
      reportError(error);
    }
  }
}

/** Inside a Prisma transaction: the notification goes out when it commits (once, however often it is called). */
export async function notifyChange(tx: Pick<Tx, "$executeRaw">, topic: ChangeTopic): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${topic})`;
}

/** The same on a plain pg client inside `sqlTransaction`. */
export async function notifyChangeSql(client: SqlClient, topic: ChangeTopic): Promise<void> {
  await client.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, topic]);
}

let live = false;

/** True while this process's listening connection is up: only then may a cache trust its copy for long. */
export function isFeedLive(): boolean {
  return live;
}

export type ChangeFeedOptions = {
  connectionString: string;
  onError?: (error: unknown) => void;
  /** A silent connection is checked this often; one that does not answer is dropped and made again. */
  pingMs?: number;
  /** First wait before reconnecting; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
};

export type ChangeFeed = { stop: () => Promise<void>; connected: () => boolean };

let running: ChangeFeed | null = null;

/** Starts the one listening connection of this process (a second call returns the first feed). */
export function startChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  if (running) return running;
  const pingMs = options.pingMs ?? 10_000;
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  if (options.onError) reportError = options.onError;

  let stopped = false;
  let client: pg.Client | null = null;
  let wait = retryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

  const dropped = (which: pg.Client, error?: unknown) => {
    if (client !== which) return; // an old connection's late event
    client = null;
    live = false;
    clearInterval(pingTimer);
    which.removeAllListeners("notification");
    which.on("error", () => {}); // whatever it still says, it is gone
    void which.end().catch(() => {});
    if (stopped) return;
    if (error) reportError(error);
    retryTimer = setTimeout(connect, wait).unref();
    wait = Math.min(wait * 2, maxRetryMs);
  };

  async function connect() {
    if (stopped) return;
    // keepAlive lets the kernel notice a peer that vanished; the ping catches what it does not.
    // Named, so that an operator sees it in pg_stat_activity.
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: "traingate-change-feed",
      keepAlive: true,
      query_timeout: 5_000,
    });
    client = next;
    next.on("error", (error) => dropped(next, error));
    next.on("end", () => dropped(next, new Error("the listening connection ended")));
    next.on("notification", (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const topic = message.payload as ChangeTopic;
      if (CHANGE_TOPICS.includes(topic)) announceChange(topic);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      dropped(next, error);
      return;
    }
    if (client !== next || stopped) return;
    live = true;
    wait = retryMs;
    pingTimer = setInterval(() => {
      next.query("SELECT 1").catch((error: unknown) => dropped(next, error));
    }, pingMs).unref();
    // Whatever changed while nobody listened (or before the first connection) is announced now.
    for (const topic of CHANGE_TOPICS) announceChange(topic);
  }

  void connect();
  running = {
    connected: () => live,
    async stop() {
      stopped = true;
      live = false;
      running = null;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      const last = client;
      client = null;
      if (last) {
        last.removeAllListeners();
        last.on("error", () => {});
        await last.end().catch(() => {});
      }
    },
  };
  return running;
}
