// One JSON line per request (app/utils/logger.server.ts): its id, method, route pattern, status,
// duration and the signed-in person's id. The route is the Remix route id the path matches, never the raw
// URL, whose ids and query string may name a person or a debtor.
import type { IncomingMessage, ServerResponse } from "node:http";

import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import type { Logger } from "pino";

import { elapsed, requestIdFrom, runWithRequest, type RequestContext } from "../app/utils/logger.server";

type RouteNode = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children: RouteNode[] };

// Paths the server answers itself, before Remix: named as they are, they hold no data.
const OWN_PATHS = new Set(["/healthz", "/readyz", "/__manifest"]);
const PUBLIC_FILE = /^\/[^/]+\.(svg|ico|png|txt|webmanifest)$/;
// The fast paths (app/fast-paths/) have no Remix route: their patterns, as docs/api.md names them.
const QUIZ_ATTEMPTS = /^\/api\/quiz\/attempts(?:\/[^/]+(?:\/(answers|submit))?)?\/?$/;
// Logged at debug: the proxy's and the monitoring's probes, and the case system's clearance calls (10,000 a
// second at its peak, each already a row of the call log with its status, ADR 0009), would bury the rest.
const QUIET_ROUTES = new Set(["healthz", "readyz", "api/v1/clearance/{employeeNo}"]);
// matchRoutes ranks every route on each call (~0.1 ms); a page's path is labelled once.
const LABELS_KEPT = 2_000;

/** The label a request's log line carries for `url` (path and query as the client sent them). */
export function routeLabeller(routes: ServerBuild["routes"]): (url: string) => string {
  const nodes = new Map<string, RouteNode>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    nodes.set(route.id, {
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: [],
    });
  }
  const roots: RouteNode[] = [];
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const node = nodes.get(route.id)!;
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const seen = new Map<string, string>();
  const match = (pathname: string) => {
    try {
      return matchRoutes(roots as Parameters<typeof matchRoutes>[0], decodeURI(pathname))?.at(-1)?.route.id;
    } catch {
      return undefined;
    }
  };
  return (url) => {
    let pathname = url.split(/[?#]/, 1)[0] || "/";
    if (OWN_PATHS.has(pathname)) return pathname.slice(1);
    if (pathname.startsWith("/api/v1/clearance/")) return "api/v1/clearance/{employeeNo}";
    const quiz = QUIZ_ATTEMPTS.exec(pathname);
    if (quiz) {
      const attempt = pathname.replace(/\/$/, "") === "/api/quiz/attempts" ? "" : "/{attemptId}";
      return `api/quiz/attempts${attempt}${quiz[1] ? `/${quiz[1]}` : ""}`;
    }
    if (pathname.startsWith("/assets/")) return "assets";
    if (PUBLIC_FILE.test(pathname)) return "public-file";
    // Single fetch asks for a page's data at "<path>.data" ("/_root.data" for "/").
    if (pathname.endsWith(".data")) pathname = pathname === "/_root.data" ? "/" : pathname.slice(0, -".data".length);
    let label = seen.get(pathname);
    if (label === undefined) {
      label = match(pathname) ?? "unmatched";
      if (seen.size >= LABELS_KEPT) seen.clear();
      seen.set(pathname, label);
    }
    return label;
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type RequestLog = {
  handler: Handler;
  /** Requests not answered yet. */
  inFlight: () => number;
  /** From now on every response asks its client to close the connection; resolves when none is in flight. */
  drain: () => Promise<void>;
};

/** Wraps the server's handler: the request id (the proxy's X-Request-Id if valid) is sent back and logged. */
export function logRequests(
  handle: Handler,
  options: { label: (url: string) => string; log: () => Logger },
): RequestLog {
  const open = new Set<ServerResponse>();
  let draining = false;
  let drained: (() => void) | undefined;
  const handler: Handler = (req, res) => {
    const started = performance.now();
    const context: RequestContext = { requestId: requestIdFrom(req.headers["x-request-id"]) };
    res.setHeader("X-Request-Id", context.requestId);
    if (draining) res.setHeader("Connection", "close");
    // At debug, a request's start too: what was under way when a process hung or was stopped.
    const debug = options.log();
    if (debug.isLevelEnabled("debug"))
      debug.debug(
        { requestId: context.requestId, method: req.method, route: options.label(req.url ?? "/") },
        "request started",
      );
    runWithRequest(context, () => handle(req, res));
    // Answered within the call (the clearance API, thousands a second): not in flight, and below info it has no
    // line to write, so it is not watched. Its 'close' comes on a later tick, so watching from here misses nothing.
    if (res.writableEnded && res.statusCode < 500 && !debug.isLevelEnabled("info")) return;
    open.add(res);
    res.once("close", () => {
      open.delete(res);
      if (draining && open.size === 0) drained?.();
      const log = options.log();
      // Nothing below info is written: at warn, a request that did not fail costs no line and no label.
      if (res.statusCode < 500 && !log.isLevelEnabled("info")) return;
      const route = options.label(req.url ?? "/");
      const line = {
        requestId: context.requestId,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: elapsed(started),
        ...(context.personId ? { personId: context.personId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (QUIET_ROUTES.has(route)) log.debug(line, "request");
      else if (res.statusCode >= 500) log.error(line, "request");
      else log.info(line, "request");
    });
  };
  const drain = () => {
    draining = true;
    for (const res of open) if (!res.headersSent) res.setHeader("Connection", "close");
    if (open.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => (drained = resolve));
  };
  return { handler, inFlight: () => open.size, drain };
}
