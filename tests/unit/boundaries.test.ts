// Which part of app/ may use which (ADR 0012), checked on the import statements of the app's code
// (tests may reach anywhere: they exercise the whole app).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const app = path.join(root, "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** What each file imports: a path inside the repository for `~/…` and relative imports, else the package name. */
const files = sourceFiles(app).map((file) => {
  const code = withoutComments(readFileSync(file, "utf8"));
  const specifiers = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map(
    (m) => m[1],
  );
  const imports = specifiers.map((s) =>
    s.startsWith("~/") ? path.join(app, s.slice(2)) : s.startsWith(".") ? path.resolve(path.dirname(file), s) : s,
  );
  return {
    file: path.relative(root, file),
    code,
    imports: imports.map((i) => (path.isAbsolute(i) ? path.relative(root, i) : i)),
  };
});

const inside = (dir: string) => (p: string) => p === dir || p.startsWith(`${dir}/`);
const violations = (from: (file: string) => boolean, to: (imported: string) => boolean) =>
  files.filter((f) => from(f.file)).flatMap((f) => f.imports.filter(to).map((i) => `${f.file} → ${i}`));

describe("boundaries", () => {
  it("scans the app's code", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(violations(inside("app/workflow"), inside("app/utils")).length).toBeGreaterThan(0);
  });

  it("app/utils and app/workflow import nothing from app/domain (the domain builds on them)", () => {
    expect(violations((f) => inside("app/utils")(f) || inside("app/workflow")(f), inside("app/domain"))).toEqual([]);
  });

  it("certification imports nothing from quiz (quiz builds on certification, never both ways)", () => {
    expect(violations(inside("app/domain/certification"), inside("app/domain/quiz"))).toEqual([]);
  });

  it("app/domain handles no HTTP: no server, Request or Response objects (routes and app/fast-paths do)", () => {
    const http = /^(node:)?https?$|^express$|^@remix-run\//;
    expect(
      violations(inside("app/domain"), (i) => http.test(i) || inside("app/routes")(i) || inside("app/fast-paths")(i)),
    ).toEqual([]);
    const objects = files
      .filter((f) => inside("app/domain")(f.file))
      .flatMap((f) =>
        [...f.code.matchAll(/\b(Request|Response|Headers|IncomingMessage|ServerResponse)\b/g)].map(
          (m) => `${f.file}: ${m[1]}`,
        ),
      );
    expect(objects).toEqual([]);
  });
});
