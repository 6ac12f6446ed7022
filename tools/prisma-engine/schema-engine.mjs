#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded here (see
// docs/decisions/0002-offline-prisma-schema-engine.md). The Prisma CLI starts it through
// PRISMA_SCHEMA_ENGINE_BINARY (tools/prisma-engine/prisma.mjs sets that) in one of three ways:
//   schema-engine --version                                   -> "schema-engine-cli <hash>"
//   schema-engine --datasource '{"url":…}' cli <command>      -> one-shot, exit code + JSON on stderr
//   schema-engine --datamodels <file>… --datasource '{…}'     -> JSON-RPC 2.0, one message per line
// RPC calls are forwarded to @prisma/schema-engine-wasm, which reaches PostgreSQL through
// @prisma/adapter-pg. Every pitfall handled below is listed in /work/shared/TOOLCHAIN.md.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const require = createRequire(import.meta.url);
// pg's own URL parser (a dependency of pg): same rules pg applies, incl. ?host=/socket and sslmode.
const parsePgUrl = createRequire(require.resolve("pg"))("pg-connection-string").parse;

// --- logging -----------------------------------------------------------------------------------
// The CLI reads stderr as JSON lines shaped like the Rust engine's tracing output. For one-shot
// commands it throws the first line away unread, so one harmless info line always goes first.
function log(level, message, extra = {}) {
  process.stderr.write(
    `${JSON.stringify({ level, target: "schema_engine::logger", fields: { message, ...extra } })}\n`,
  );
}
log("INFO", "Starting schema engine (WebAssembly, tools/prisma-engine/schema-engine.mjs)");

// --- arguments ---------------------------------------------------------------------------------
const args = { datamodels: [], datasource: {}, cli: null, version: false };
for (let argv = process.argv.slice(2), i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version") args.version = true;
  else if (a === "--datamodels") args.datamodels.push(argv[++i]);
  else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
  else if (a === "cli") args.cli = argv[++i];
  else if (a.startsWith("--")) i++; // --enabled-preview-features, --extension-types: not needed by the wasm engine
}

// --- PostgreSQL connection ---------------------------------------------------------------------
const PG_CHAR = 18; // the internal one-byte "char" type, not char(n)
const PG_TEXT = 25;
const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// Separate host/port/user/password/database fields, never `connectionString`: pg lets a connection
// string override `database`, so PrismaPg's `{ ...config, database: shadow }` would silently reuse
// the main database as the shadow database.
function pgConfig(url) {
  if (!url)
    throw new Error(
      "DATABASE_URL is not set (prisma.config.ts reads it). " +
        "This schema engine needs a database even for `migrate diff` between schema files.",
    );
  const { schema = "public", ...config } = parsePgUrl(url);
  // Prisma's `?schema=` is no pg option. Like the native engine, make it the search_path, or the
  // (unqualified) migration SQL would land in "public" whatever the URL says.
  config.options = `${config.options ?? ""} -c search_path=${quoteIdent(schema)}`.trim();
  return { config, schema };
}

async function withClient(config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Runs `sql` on a maintenance database of the same server (a database cannot create/drop itself).
async function onMaintenanceDb(config, sql) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    try {
      return await withClient({ ...config, database }, (c) => c.query(sql));
    } catch (e) {
      if (e.code !== "3D000") throw e;
      lastError = e;
    }
  }
  throw lastError;
}

// Adapts a PrismaPg adapter to what the wasm engine needs from it.
function fixAdapter(adapter) {
  // The engine reads catalog columns of type "char" (OID 18: pg_constraint.contype, pg_class.relkind
  // …), which adapter-pg refuses ("Unsupported column type char"). Let them through as text, then
  // tell the engine they are characters: it reads them as a char, like the native engine gets them
  // (a text column there panics "… as char failed", e.g. on PostgreSQL 18's NOT NULL constraints).
  const readCharColumns = (queryable) => {
    const queryRaw = queryable.queryRaw;
    queryable.queryRaw = async (query) => {
      const charColumns = [];
      // A per-call `this` whose performIO notes the "char" columns: safe with concurrent queries.
      const self = Object.create(queryable, {
        performIO: {
          value: async (q) => {
            const result = await queryable.performIO(q);
            result.fields.forEach((field, i) => {
              if (field.dataTypeID === PG_CHAR) {
                field.dataTypeID = PG_TEXT;
                charColumns.push(i);
              }
            });
            return result;
          },
        },
      });
      const result = await queryRaw.call(self, query);
      for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    return queryable;
  };
  readCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => readCharColumns(await startTransaction(...a));

  // adapter-pg splits scripts on every ";", which breaks migrations holding function bodies
  // ($$ … ; … $$). Send the whole script as one simple query, as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

// The URL is only checked on first use: `migrate diff --from-empty --to-schema …` needs no database.
function adapterFactory({ url, shadowDatabaseUrl }) {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const main = pgConfig(url);
      return fixAdapter(await new PrismaPg(main.config, { schema: main.schema }).connect());
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A configured shadow database is scratch space: empty it first, as the native engine does.
        const shadow = pgConfig(shadowDatabaseUrl);
        const schema = quoteIdent(shadow.schema);
        await withClient(shadow.config, (c) =>
          c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`),
        );
        return fixAdapter(await new PrismaPg(shadow.config, { schema: shadow.schema }).connect());
      }
      const main = pgConfig(url);
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await onMaintenanceDb(main.config, `CREATE DATABASE ${quoteIdent(database)}`);
      const adapter = fixAdapter(await new PrismaPg({ ...main.config, database }, { schema: main.schema }).connect());
      const release = adapter.dispose.bind(adapter);
      // Close our pool first, then force out anything left: a plain DROP would fail while connected.
      adapter.dispose = async () => {
        await release();
        await onMaintenanceDb(main.config, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

// --- errors ------------------------------------------------------------------------------------
function engineError(code, message) {
  return Object.assign(new Error(message), { code });
}

// Native engine's user-facing codes for connection failures (https://pris.ly/d/error-codes).
function connectionError(e, config) {
  const at = `${config.host ?? "localhost"}:${config.port ?? 5432}`;
  if (e.code === "3D000")
    return engineError("P1003", `Database \`${config.database}\` does not exist on the database server at \`${at}\`.`);
  if (e.code === "28P01" || e.code === "28000")
    return engineError(
      "P1000",
      `Authentication failed against database server at \`${at}\`, ` +
        `the provided database credentials for \`${config.user}\` are not valid.`,
    );
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(e.code))
    return engineError("P1001", `Can't reach database server at \`${at}\`.`);
  return e;
}

// --- one-shot commands -------------------------------------------------------------------------
// The CLI runs these before migrate deploy/dev/reset to create a missing database. They need no
// engine: plain pg does it, and reports failures as the JSON error line the CLI looks for.
async function runCliCommand(command) {
  let config = {};
  try {
    ({ config } = pgConfig(args.datasource.url));
    if (command === "can-connect-to-database") await withClient(config, () => {});
    else if (command === "create-database") {
      await onMaintenanceDb(config, `CREATE DATABASE ${quoteIdent(config.database)}`).catch((e) => {
        if (e.code !== "42P04") throw e; // already exists: fine
      });
    } else if (command === "drop-database") {
      await onMaintenanceDb(config, `DROP DATABASE IF EXISTS ${quoteIdent(config.database)} WITH (FORCE)`);
    } else throw new Error(`Unknown cli command: ${command}`);
  } catch (e) {
    const err = connectionError(e, config);
    log("ERROR", err.message, err.code?.startsWith?.("P") ? { error_code: err.code } : {});
    process.exit(1);
  }
}

// --- the wasm engine ---------------------------------------------------------------------------
// The engine's panic hook stores the Rust panic message here (the Prisma CLI defines the same
// global in its own process); without it a panic surfaces as "reading 'set_message'".
const panics = (globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) {
    this.message = message;
  },
});

// The package's entry does `import … from "./schema_engine_bg.wasm"`, which Node 20 cannot load
// without a flag; instantiate the module by hand instead, as its glue code expects.
async function loadWasm() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const { instance } = await WebAssembly.instantiate(readFileSync(bgPath.replace(/\.js$/, ".wasm")), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

// The engine's result for an RPC method. Names match the native JSON-RPC API; the wasm engine only
// differs for two of them.
async function call(engine, state, method, params, notify) {
  switch (method) {
    case "getDatabaseVersion":
      return engine.version(params);
    case "diff": {
      // Native engine prints the diff through a "print" request to the CLI; the wasm one returns it.
      const { stdout, ...rest } = await engine.diff(params);
      if (stdout) notify("print", { content: stdout.replace(/\n$/, "") });
      return { ...rest, stdout: null };
    }
    case "devDiagnostic":
    case "diagnoseMigrationHistory": {
      const result = await engine[method](params);
      if (method === "devDiagnostic" || params.optInToShadowDatabase) state.shadowReady = true;
      return result;
    }
    case "evaluateDataLoss":
      // The wasm engine only sets up its shadow database in devDiagnostic or
      // diagnoseMigrationHistory; called first, this fails with "PostgreSQL shadow DB must be
      // provided through an external factory". `migrate dev` does call devDiagnostic first.
      if (!state.shadowReady) {
        await call(engine, state, "diagnoseMigrationHistory", {
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters,
        });
      }
      return engine.evaluateDataLoss(params);
    case "applyMigrations":
    case "markMigrationApplied":
    case "markMigrationRolledBack":
      return withMigrationsTable(engine, params, () => engine[method](params));
    default:
      if (typeof engine[method] !== "function")
        throw new Error(`Method not supported by the wasm schema engine: ${method}`);
      return engine[method](params);
  }
}

// On a database without `_prisma_migrations` the wasm engine answers P1014 where the native one
// creates the table. Applying an empty migration list creates it; then retry once.
async function withMigrationsTable(engine, params, run) {
  try {
    return await run();
  } catch (e) {
    if (e?.code !== "P1014") throw e;
    const migrationsList = { ...params.migrationsList, migrationDirectories: [] };
    await engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } });
    return run();
  }
}

// Turns whatever the wasm engine threw into the JSON-RPC error object the CLI understands.
function rpcError(e, factory) {
  // A JS error thrown inside our adapter reaches us as "External error id#N"; fetch the original.
  const id = String(e?.message).match(/External error id#(\d+)/)?.[1];
  const error = (id && factory.errorRegistry.consumeError(Number(id))?.error) || e;
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const message = isPanic && panics.message ? panics.message : String(error?.message ?? error);
  return {
    code: 4466,
    message,
    data: {
      is_panic: isPanic,
      message,
      ...(isPanic ? { error: { message }, backtrace: error.stack } : {}),
      ...(typeof error?.code === "string" && /^P\d{4}$/.test(error.code)
        ? { error_code: error.code, meta: error.meta ?? {} }
        : {}),
    },
  };
}

async function serveRpc() {
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(args.datasource));
  // One engine for the whole process (some calls rely on state left by earlier ones), created on
  // the first request so that a failure (e.g. database unreachable) becomes that request's error.
  let engine;
  const getEngine = () =>
    (engine ??= loadWasm().then((wasm) =>
      wasm.SchemaEngine.new(
        { datamodels: datamodels.length ? datamodels : undefined },
        (line) => process.stderr.write(`${line}\n`), // the engine's own logs, already JSON lines
        factory,
      ),
    ));
  const state = { shadowReady: false };
  const send = (msg) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...msg })}\n`);
  let nextNotifyId = 1;
  const notify = (method, params) => send({ id: `shim-${nextNotifyId++}`, method, params });

  // Never die on our own: when the engine process vanishes while the CLI awaits an answer, the CLI
  // exits with code 0 as if all went well. Answer the pending request with the error instead.
  let current = null;
  process.on("uncaughtException", (e) => {
    log("ERROR", `Uncaught: ${e?.stack ?? e}`);
    if (current !== null) send({ id: current, error: rpcError(e, factory) });
    current = null;
  });

  // Requests run one at a time, in order, like the native engine.
  let queue = Promise.resolve();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    const msg = JSON.parse(line);
    if (!msg.method) return; // the CLI's answer to one of our "print" requests
    queue = queue.then(async () => {
      current = msg.id;
      try {
        const result = await call(await getEngine(), state, msg.method, msg.params ?? {}, notify);
        if (current === msg.id) send({ id: msg.id, result: result ?? {} });
      } catch (e) {
        if (current === msg.id) send({ id: msg.id, error: rpcError(e, factory) });
      }
      current = null;
    });
  });
  rl.on("close", () => queue.then(() => process.exit(0)));
}

// --- main --------------------------------------------------------------------------------------
if (args.version) {
  const wasm = await loadWasm();
  process.stdout.write(`schema-engine-cli ${wasm.version()}\n`);
} else if (args.cli) {
  await runCliCommand(args.cli);
} else {
  await serveRpc();
}
