// The SMTP server from the environment: SMTP_URL, or SMTP_HOST with SMTP_PORT, SMTP_SECURE, SMTP_USER and
// SMTP_PASSWORD. Checked here rather than at start: a bad value must not stop the server; the outbox page
// names it and the messages wait (docs/operations.md, "Mail"). No problem ever repeats the password.
import type { Env } from "~/utils/env.server";

export type SmtpEnv = Pick<Env, "SMTP_URL" | "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD">;

/** What is wrong with one variable; the page shows `mail.smtp.problems.<problem>`. */
export type SmtpProblem = {
  variable: keyof SmtpEnv;
  problem: "url" | "urlAndHost" | "host" | "port" | "secure" | "password" | "user";
};

export type SmtpTransportOptions = {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  pool: true;
  maxConnections: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

export type SmtpConfig =
  | { state: "off" }
  | { state: "invalid"; problems: SmtpProblem[] }
  /** `server` is host:port, for pages and logs (never the login). */
  | { state: "ready"; server: string; transport: SmtpTransportOptions };

const set = (text: string | undefined): text is string => text !== undefined && text.trim() !== "";

function readPort(text: string): number | null {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : null;
}

function readSecure(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return null;
}

// A pooled transport keeps a few connections open so a notice to a whole course goes out quickly; the
// timeouts keep a dead server from holding a delivery for nodemailer's default two minutes.
function transportOptions(host: string, port: number, secure: boolean, user?: string, pass?: string) {
  const transport: SmtpTransportOptions = {
    host,
    port,
    secure,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  if (user !== undefined) transport.auth = { user, pass: pass ?? "" };
  return transport;
}

function fromUrl(text: string): SmtpConfig {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { state: "invalid", problems: [{ variable: "SMTP_URL", problem: "url" }] };
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || !url.hostname) {
    return { state: "invalid", problems: [{ variable: "SMTP_URL", problem: "url" }] };
  }
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const pass = url.password ? decodeURIComponent(url.password) : undefined;
  return {
    state: "ready",
    server: `${url.hostname}:${port}`,
    transport: transportOptions(url.hostname, port, secure, user, pass),
  };
}

/** The SMTP configuration the environment gives: off (nothing set), invalid (with every problem), or ready. */
export function smtpConfig(source: SmtpEnv): SmtpConfig {
  const { SMTP_URL, SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD } = source;
  if (set(SMTP_URL)) {
    if (set(SMTP_HOST)) return { state: "invalid", problems: [{ variable: "SMTP_HOST", problem: "urlAndHost" }] };
    return fromUrl(SMTP_URL);
  }
  const anySet = [SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD].some(set);
  if (!anySet) return { state: "off" };

  const problems: SmtpProblem[] = [];
  const host = SMTP_HOST?.trim() ?? "";
  if (!host || /[\s/@]/.test(host)) problems.push({ variable: "SMTP_HOST", problem: "host" });
  const secure = set(SMTP_SECURE) ? readSecure(SMTP_SECURE) : false;
  if (secure === null) problems.push({ variable: "SMTP_SECURE", problem: "secure" });
  const port = set(SMTP_PORT) ? readPort(SMTP_PORT.trim()) : secure ? 465 : 587;
  if (port === null) problems.push({ variable: "SMTP_PORT", problem: "port" });
  if (set(SMTP_USER) && !set(SMTP_PASSWORD)) problems.push({ variable: "SMTP_PASSWORD", problem: "password" });
  if (!set(SMTP_USER) && set(SMTP_PASSWORD)) problems.push({ variable: "SMTP_USER", problem: "user" });
  if (problems.length > 0 || port === null || secure === null) return { state: "invalid", problems };

  const user = set(SMTP_USER) ? SMTP_USER.trim() : undefined;
  return {
    state: "ready",
    server: `${host}:${port}`,
    transport: transportOptions(host, port, secure, user, SMTP_PASSWORD),
  };
}
