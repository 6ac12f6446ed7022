// The e2e set-up builds the app again unless the build there was made from exactly the sources there are now.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, expect, test } from "vitest";

import { type BuildRecord, canReuseBuild, hashBuildInputs } from "../setup/build-fingerprint";

const entry = { size: 1234, mtimeMs: 1_790_000_000_000 };
const recorded: BuildRecord = { inputs: "abc", entry };

test("the same inputs and the same built entry: the build is reused", () => {
  expect(canReuseBuild(recorded, { inputs: "abc", entry: { ...entry } }, false)).toBe(true);
});

test("other inputs, a rebuilt or missing entry, no record, or TEST_E2E_BUILD=always: it builds", () => {
  expect(canReuseBuild(recorded, { inputs: "abd", entry }, false)).toBe(false);
  expect(canReuseBuild(recorded, { inputs: "abc", entry: { ...entry, mtimeMs: entry.mtimeMs + 1 } }, false)).toBe(
    false,
  );
  expect(canReuseBuild(recorded, { inputs: "abc", entry: { ...entry, size: 1235 } }, false)).toBe(false);
  expect(canReuseBuild(recorded, { inputs: "abc", entry: null }, false)).toBe(false);
  expect(canReuseBuild(null, { inputs: "abc", entry }, false)).toBe(false);
  expect(canReuseBuild(recorded, { inputs: "abc", entry }, true)).toBe(false);
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test("the inputs' hash follows a file's contents, a new file and a VITE_ variable, not other variables", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-inputs-"));
  dirs.push(root);
  fs.mkdirSync(path.join(root, "app/routes"), { recursive: true });
  fs.writeFileSync(path.join(root, "app/routes/home.tsx"), "export default 1;\n");
  fs.writeFileSync(path.join(root, "package-lock.json"), "{}\n");
  const first = hashBuildInputs(root, {});
  expect(hashBuildInputs(root, { PATH: "/bin" })).toBe(first);

  fs.writeFileSync(path.join(root, "app/routes/home.tsx"), "export default 2;\n");
  const edited = hashBuildInputs(root, {});
  expect(edited).not.toBe(first);

  fs.writeFileSync(path.join(root, "app/routes/new.tsx"), "");
  const added = hashBuildInputs(root, {});
  expect(added).not.toBe(edited);

  expect(hashBuildInputs(root, { VITE_FLAG: "1" })).not.toBe(added);
});
