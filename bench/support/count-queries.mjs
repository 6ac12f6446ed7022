// A preload for the server under a bench: counts the statements sent to PostgreSQL per kind of HTTP request
// (method and path, ids folded) and prints the table to stderr when the server is stopped (SIGTERM).
// Run with one or two users (BENCH_USERS=2): a request that waits for a pooled connection can lose its context.
//   QC_MIN=1 BENCH_USERS=2 BENCH_NODE_OPTIONS="--import ./bench/support/count-queries.mjs" npm run bench -- pages
// QC_TEXTS=1 also prints the statements' beginnings by request kind.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const pg = createRequire(path.join(process.cwd(), "package.json"))("pg");
const current = new AsyncLocalStorage();
const perKind = new Map();
const texts = new Map();

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  const request = current.getStore();
  if (request) {
    request.statements++;
    if (process.env.QC_TEXTS) {
      const text = typeof args[0] === "string" ? args[0] : (args[0]?.text ?? "");
      const key = `${request.kind} :: ${text.replace(/\s+/g, " ").slice(0, 90)}`;
      texts.set(key, (texts.get(key) ?? 0) + 1);
    }
  }
  return query.apply(this, args);
};

const kindOf = (req) =>
  `${req.method} ${(req.url ?? "").split("?")[0].replace(/[0-9a-f-]{20,}|bk[a-z0-9]+|c[a-z0-9]{20,}/gi, ":id")}`;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event !== "request") return emit.apply(this, arguments);
  const request = { kind: kindOf(req), statements: 0 };
  res.on("finish", () => {
    const seen = perKind.get(request.kind) ?? { requests: 0, statements: 0 };
    seen.requests++;
    seen.statements += request.statements;
    perKind.set(request.kind, seen);
  });
  return current.run(request, () => emit.apply(this, arguments));
};

process.on("SIGTERM", () => {
  const min = Number(process.env.QC_MIN ?? 5);
  const rows = [...perKind].filter(([, s]) => s.requests >= min).sort((a, b) => b[1].requests - a[1].requests);
  const lines = rows.map(([kind, s]) => `[qcount] ${kind} | ${s.requests} | ${(s.statements / s.requests).toFixed(2)}`);
  process.stderr.write(["[qcount] request | requests | statements per request", ...lines].join("\n") + "\n");
  if (process.env.QC_TEXTS)
    for (const [key, n] of [...texts].sort((a, b) => b[1] - a[1]).slice(0, 60))
      process.stderr.write(`[qtext] ${n} ${key}\n`);
});
