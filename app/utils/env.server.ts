// Every environment variable the server, the app and the tools read, parsed by one schema (README,
// "Configuration"). The server parses it at start and stops with one line per bad variable; code reads
// the typed values through env(), never process.env.
import { isIP } from "node:net";

import { z } from "zod";

const BAD = Symbol("bad");
type Read<T> = (text: string) => T | typeof BAD;

/** Unset or empty → `fallback`; a value `read` refuses → "expected …, got "…"" (a secret is never repeated). */
function variable<T, F>(expected: string, read: Read<T>, fallback: F, options: { secret?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((text, ctx): T | F => {
      if (text === undefined || text === "") return fallback;
      const value = read(text);
      if (value !== BAD) return value;
      ctx.addIssue({
        code: "custom",
        message: `expected ${expected}, got ${options.secret ? "something else" : JSON.stringify(text)}`,
      });
      return z.NEVER;
    });
}

const wholeNumber =
  (min: number, max: number): Read<number> =>
  (text) =>
    /^\d{1,6}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : BAD;
const port = (fallback: number) => variable("a port number 1–65535", wholeNumber(1, 65_535), fallback);
const flag = () =>
  variable(
    "1 or 0 (or true or false)",
    (text) => (text === "1" || text === "true" ? true : text === "0" || text === "false" ? false : BAD),
    false,
  );
const oneOf = <const T extends string>(values: readonly T[], fallback: T) =>
  variable(
    values.join(", ").replace(/, ([^,]*)$/, " or $1"),
    (text) => (values.includes(text as T) ? (text as T) : BAD),
    fallback,
  );

// express's `trust proxy`: true, a number of proxies in front, or addresses and subnets
// ("loopback", "10.0.0.0/8, 192.168.1.1"). 0 or false: trust none (express's default).
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const readTrustProxy: Read<boolean | number | string> = (text) => {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^\d{1,2}$/.test(text)) return Number(text) === 0 ? false : Number(text);
  const entries = text.split(",").map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, extra] = entry.split("/");
    return (
      extra === undefined &&
      (PROXY_NAMES.has(entry) || (isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits))))
    );
  });
  return valid ? entries.join(",") : BAD;
};

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// An instant with its zone, so that it means the same on every machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const EnvSchema = z.object({
  NODE_ENV: oneOf(["development", "production", "test"], "development"),
  PORT: port(3000),
  DATABASE_URL: variable(
    "a postgresql:// URL",
    (text) => (/^postgres(ql)?:\/\/\S+$/.test(text) ? text : BAD),
    undefined as string | undefined,
    { secret: true },
  ),
  DATABASE_POOL_SIZE: variable("a whole number from 1 to 100", wholeNumber(1, 100), 10),
  TRAINGATE_DATA_DIR: variable("a directory", (text) => text, "./data"),
  EMBEDDED_PG_PORT: port(54329),
  TRAINGATE_DEMO: flag(),
  WEB_CONCURRENCY: variable("a whole number of processes from 1 to 64", wholeNumber(1, 64), 1),
  TRUST_PROXY: variable(
    "true, a number of proxies, or addresses and subnets such as loopback, 10.0.0.0/8",
    readTrustProxy,
    false as boolean | number | string,
  ),
  // Read by the case keyring (app/domain/cases/case-keyring.ts), which checks them and names the bad entry.
  CASE_DATA_KEYS: z.string().optional(),
  CASE_DATA_KEY: z.string().optional(),
  CASE_SYSTEM_API_KEY: variable("an API key", (text) => text, undefined as string | undefined, { secret: true }),
  // Mail (docs/operations.md, "Mail"). Read as text and checked by app/domain/mail/smtp-config.ts: a bad
  // value must not stop the server, whose outbox page then names it while the messages wait.
  SMTP_URL: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.string().optional(),
  SMTP_SECURE: z.string().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  // Off: this process delivers no mail and runs no periodic job (another process, or nobody, does).
  MAIL_WORKER: variable(
    "1 or 0 (or true or false)",
    (text) => (text === "1" || text === "true" ? true : text === "0" || text === "false" ? false : BAD),
    true,
  ),
  // Where people reach TrainGate (https://traingate.example.com): links in mail are absolute with it.
  PUBLIC_URL: variable(
    "an http(s) address such as https://traingate.example.com",
    (text) => {
      try {
        const url = new URL(text);
        return /^https?:$/.test(url.protocol) && !url.search && !url.hash ? url.href.replace(/\/$/, "") : BAD;
      } catch {
        return BAD;
      }
    },
    undefined as string | undefined,
  ),
  // Signs the one-time messages (app/utils/flash.server.ts); several, comma-separated, to rotate. Equal on every
  // instance; a production server on an external database refuses to start without a strong one
  // (server/config-rules.ts).
  COOKIE_SECRET: variable("one or more secrets, comma-separated", (text) => text, undefined as string | undefined, {
    secret: true,
  }),
  // pino's level for the JSON log (app/utils/logger.server.ts). Unset: info in production, warn for the demo,
  // development and tests, whose consoles stay readable.
  LOG_LEVEL: variable(
    "fatal, error, warn, info, debug, trace or silent",
    (text) => (LOG_LEVELS.includes(text as LogLevel) ? (text as LogLevel) : BAD),
    undefined as LogLevel | undefined,
  ),
  TRAINGATE_TEST_CLOCK: flag(),
  TRAINGATE_TEST_NOW: variable(
    "an ISO instant such as 2026-03-02T09:00:00+08:00",
    (text) => (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text)) ? new Date(text) : BAD),
    undefined as Date | undefined,
  ),
});

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** The parsed environment; an EnvError lists every bad variable, one per line ("PORT: expected …"). */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
}

let current: Env | undefined;

/** The environment, parsed on first use. */
export function env(): Env {
  return (current ??= parseEnv(process.env));
}

/** For the server and the tools at start: a bad variable ends the process with its message, not a stack trace. */
export function loadEnv(): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`TrainGate cannot start, fix the environment:\n${error.message.replace(/^/gm, "  ")}`);
    process.exit(1);
  }
}

/**
 * The embedded PostgreSQL's address once it runs (DATABASE_URL unset): for this process's modules, and
 * through process.env for the app build, the worker processes and `prisma migrate`.
 */
export function setDatabaseUrl(url: string) {
  process.env.DATABASE_URL = url;
  current = { ...env(), DATABASE_URL: url };
}
