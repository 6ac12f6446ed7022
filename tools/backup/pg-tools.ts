// pg_dump and pg_restore, when installed: pg_dump refuses a server newer than itself, so it is used
// only when its major version is at least the server's (PG_DUMP / PG_RESTORE name other binaries).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

import { libpqConnection } from "./connection";

export type Tool = { path: string; major: number };

function versionOf(binary: string): number | null {
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  const match = /\s(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? Number(match[1]) : null;
}

export function findTool(name: "pg_dump" | "pg_restore"): { tool: Tool | null; explicit: string | null } {
  const explicit = name === "pg_dump" ? process.env.PG_DUMP : process.env.PG_RESTORE;
  // pg_restore beside an explicitly named pg_dump: the two come as a pair.
  const sibling =
    name === "pg_restore" && process.env.PG_DUMP ? path.join(path.dirname(process.env.PG_DUMP), name) : null;
  const binary = explicit || sibling || name;
  const major = versionOf(binary);
  return { tool: major === null ? null : { path: binary, major }, explicit: explicit || null };
}

/** Runs pg_dump or pg_restore against `url`; its messages are passed on, the password is never in them. */
export function runTool(tool: Tool, args: string[], url: string, log: (line: string) => void): Promise<void> {
  const { dbname, env } = libpqConnection(url);
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, [...args, `--dbname=${dbname}`], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let tail = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      tail = (tail + text).slice(-4000);
      for (const line of text.split("\n")) if (line.trim()) log(line);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(tool.path)} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
