/**
 * Whether the e2e set-up may reuse the app's build (`build/`) instead of building again (`npm run build`,
 * 20–40 s of CPU on the 2 cores). The build is reused only when it was made by this set-up from exactly the
 * sources there are now (a hash of their contents, not their times) and nobody rebuilt it since (the built
 * server entry's size and time are recorded beside the hash). Anything else, and `TEST_E2E_BUILD=always`,
 * builds. CI builds once in `npm test` and reuses it for the date-sensitive stories run after it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What the build is made from: the app, the server, the build's own configuration and the locked packages. */
export const BUILD_INPUTS = [
  "app",
  "server",
  "public",
  "prisma/schema",
  "tools/build-server.mjs",
  "vite.config.ts",
  "tsconfig.json",
  "tailwind.config.ts",
  "postcss.config.js",
  "package.json",
  "package-lock.json",
];
/** The built server entry, as `npm start` runs it: its size and time say whether someone built since. */
export const BUILT_ENTRY = "build/start/main.js";
export const FINGERPRINT_FILE = "build/.e2e-build-inputs.json";

export type BuildRecord = { inputs: string; entry: { size: number; mtimeMs: number } | null };

/** Pure: reuse only a build recorded for the same inputs whose entry is still the one recorded. */
export function canReuseBuild(recorded: BuildRecord | null, current: BuildRecord, force: boolean): boolean {
  if (force || !recorded || !current.entry || !recorded.entry) return false;
  return (
    recorded.inputs === current.inputs &&
    recorded.entry.size === current.entry.size &&
    recorded.entry.mtimeMs === current.entry.mtimeMs
  );
}

/** A hash of every input file's path and contents (and of the VITE_* variables a build may inline). */
export function hashBuildInputs(root: string, env: Record<string, string | undefined> = process.env): string {
  const hash = crypto.createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat) {
      hash.update(`missing ${relative}\0`);
    } else if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name));
    } else if (stat.isFile()) {
      hash.update(`file ${relative}\0`);
      hash.update(fs.readFileSync(full));
      hash.update("\0");
    }
  };
  for (const input of BUILD_INPUTS) visit(input);
  for (const key of Object.keys(env).sort()) if (key.startsWith("VITE_")) hash.update(`env ${key}=${env[key]}\0`);
  return hash.digest("hex");
}

function entryOf(root: string): BuildRecord["entry"] {
  const stat = fs.statSync(path.join(root, BUILT_ENTRY), { throwIfNoEntry: false });
  return stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
}

function readRecord(root: string): BuildRecord | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, FINGERPRINT_FILE), "utf8")) as BuildRecord;
  } catch {
    return null;
  }
}

/** Before building: the inputs' hash, and whether the build there is already made from them. */
export function checkBuild(root: string): { inputs: string; reuse: boolean } {
  const inputs = hashBuildInputs(root);
  const force = process.env.TEST_E2E_BUILD === "always";
  return { inputs, reuse: canReuseBuild(readRecord(root), { inputs, entry: entryOf(root) }, force) };
}

/** After a successful build from `inputs` (hashed before it started, so an edit during the build rebuilds). */
export function recordBuild(root: string, inputs: string): void {
  const record: BuildRecord = { inputs, entry: entryOf(root) };
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), JSON.stringify(record) + "\n");
}
