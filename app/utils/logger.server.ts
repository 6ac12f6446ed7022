// The structured log: one JSON line per event on stdout (pino), for the log collector. The server
// (server/request-log.ts) writes one line per request, the job worker one per job run, and errors carry
// their stack. Lines hold ids and shapes only: never a name, ID or card number, password, cookie, query
// string or request body. Operators' start lines on `npm start` stay plain text (server/main.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

import pino, { type Logger } from "pino";

import { env, type Env, type LogLevel } from "./env.server";

type LevelEnv = Pick<Env, "LOG_LEVEL" | "NODE_ENV" | "TRAINGATE_DEMO">;

/** LOG_LEVEL when set; otherwise info for a production server and warn where a person reads the console. */
export function logLevelFor(config: LevelEnv): LogLevel {
  if (config.LOG_LEVEL) return config.LOG_LEVEL;
  return config.NODE_ENV === "production" && !config.TRAINGATE_DEMO ? "info" : "warn";
}

/** A logger writing to `destination` (stdout by default): ISO times, level names, and the usual error serialiser. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // An error's message and stack may quote a connection string (a driver's "connect postgresql://
      // user:password@host" failure): the login and password in any URL are cut before the line is written.
      serializers: { err: (error: Error) => withoutUrlCredentials(pino.stdSerializers.err(error)) },
      // Belt and braces: no caller should pass these, but one that does never prints them.
      redact: {
        paths: ["password", "*.password", "cookie", "*.cookie", "authorization", "*.authorization"],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** Any `scheme://user:password@` (or `scheme://user@`) in a serialised error's text, as `scheme://***@`. */
export function withoutUrlCredentials<T extends object>(serialised: T): T {
  return JSON.parse(JSON.stringify(serialised).replace(URL_CREDENTIALS, "$1***@")) as T;
}

// The server process and the app build each load their own copy of this module; both log through one
// logger and one request context, kept on globalThis under a registered symbol.
type Shared = { logger?: Logger; requests: AsyncLocalStorage<RequestContext> };
const SHARED = Symbol.for("traingate.logger");
const shared = ((globalThis as Record<symbol, Shared | undefined>)[SHARED] ??= {
  requests: new AsyncLocalStorage<RequestContext>(),
});

/** The process's logger, made on first use from LOG_LEVEL. */
export function logger(): Logger {
  return (shared.logger ??= createLogger(logLevelFor(env())));
}

/** Replaces the process's logger (the server at start, with the parsed environment; tests). */
export function setLogger(next: Logger) {
  shared.logger = next;
}

/** What the request's own log line gathers while it runs. */
export type RequestContext = { requestId: string; personId?: string };

export function runWithRequest<T>(context: RequestContext, fn: () => T): T {
  return shared.requests.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return shared.requests.getStore();
}

/** Called where a session is resolved: the request's log line then names the person by id (never by name). */
export function noteRequestPerson(personId: string) {
  const context = shared.requests.getStore();
  if (context) context.personId = personId;
}

// A proxy's id is taken when it is plain and short: it is echoed back and written to every line.
const REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

/** The proxy's X-Request-Id when it looks like one, otherwise a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * One background job's run, as one line: its name, how long it took, and its outcome (the error with its
 * stack when it failed, then rethrown for the queue's retry).
 */
export async function logJobRun<T>(job: string, fields: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    logger().info({ job, ...fields, outcome: "done", durationMs: elapsed(started) }, "job");
    return result;
  } catch (error) {
    logger().error({ job, ...fields, outcome: "failed", durationMs: elapsed(started), err: error }, "job");
    throw error;
  }
}

export function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 10) / 10;
}
