#!/usr/bin/env node
// Runs the Prisma CLI with our WebAssembly schema engine instead of the native binary it would
// otherwise try to download. Use it wherever you would type `npx prisma`:
//   node tools/prisma-engine/prisma.mjs generate | migrate deploy | migrate status | migrate diff …
// (`npm run prisma -- <args>` does the same.) See docs/decisions/0002-offline-prisma-schema-engine.md.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const engine = fileURLToPath(new URL("./schema-engine.mjs", import.meta.url));

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    // The CLI uses this file instead of downloading schema-engine from binaries.prisma.sh.
    PRISMA_SCHEMA_ENGINE_BINARY: engine,
    // No phoning home: no update check, no telemetry, no "new version available" banner.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});

// Ctrl-C already reaches the child through the terminal's process group: outlive it, don't repeat it.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 1));
