import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

const repo = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return ["generated", "node_modules", "migrations", ".artifacts"].includes(name) ? [] : files(full);
    return /\.(tsx?|mjs|prisma)$/.test(name) ? [full] : [];
  });
}

it("comments say why, or cite a decision record, instead of pointing at an issue number", () => {
  const issueReference = /\bissues? ?#?\d+|\(#\d+\)|(?:^|\s)#\d+\b/i;
  const offenders = ["app", "server", "prisma", "tests", "bench", "tools"]
    .flatMap((dir) => files(path.join(repo, dir)))
    .flatMap((file) => {
      const comments = readFileSync(file, "utf8").match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
      return comments
        .filter((c) => issueReference.test(c))
        .map((c) => `${path.relative(repo, file)}: ${c.trim().slice(0, 80)}`);
    });
  expect(offenders).toEqual([]);
});
