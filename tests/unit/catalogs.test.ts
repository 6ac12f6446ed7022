import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../app");
const locales = ["zh-CN", "en"];

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : files(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

/** Keys written twice in one object of a JSON text ("a.b"): JSON.parse keeps the last one silently. */
function repeatedKeys(text: string): string[] {
  const stack: Array<{ path: string; seen: Set<string> } | null> = [];
  const repeated: string[] = [];
  let lastString: string | null = null;
  let pendingKey = "";
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\]:,]/g)) {
    const top = stack.at(-1);
    if (token === "{") stack.push({ path: pendingKey, seen: new Set() });
    else if (token === "[") stack.push(null);
    else if (token === "}" || token === "]") stack.pop();
    else if (token === ":" && top && lastString !== null) {
      const key = JSON.parse(lastString) as string;
      const full = top.path ? `${top.path}.${key}` : key;
      if (top.seen.has(key)) repeated.push(full);
      top.seen.add(key);
      pendingKey = full;
    }
    lastString = token.startsWith('"') ? token : null;
  }
  return repeated;
}

describe("message catalogs", () => {
  it("writes no key twice in one object (the first would be dead, and merges leave such pairs)", () => {
    expect(repeatedKeys('{"a": {"b": 1, "c": [{"b": 2}], "b": 3}, "d": "x:y"}')).toEqual(["a.b"]);
    for (const locale of locales)
      for (const file of files(path.join(root, "locales", locale), /\.json$/))
        expect(repeatedKeys(readFileSync(file, "utf8")), path.relative(root, file)).toEqual([]);
  });

  it("zh-CN and English have the same areas and the same keys", () => {
    const areas = locales.map((l) => readdirSync(path.join(root, "locales", l)).sort());
    expect(areas[1]).toEqual(areas[0]);
    for (const area of areas[0]) {
      const [zh, en] = locales.map((l) =>
        keys(JSON.parse(readFileSync(path.join(root, "locales", l, area), "utf8"))).sort(),
      );
      expect(en, `keys of ${area}`).toEqual(zh);
    }
  });

  it("each language's catalog (app/locales/<locale>.ts) imports every file of it, under its area's name", async () => {
    const { CATALOGS } = await import("../../app/locales/catalogs");
    for (const locale of locales) {
      const areas = readdirSync(path.join(root, "locales", locale)).map((f) => f.replace(/\.json$/, ""));
      expect(Object.keys(CATALOGS[locale as keyof typeof CATALOGS] ?? {}).sort(), locale).toEqual(areas.sort());
    }
  });

  it("no component hard-codes Chinese text: every user-facing string comes from a catalog", () => {
    const offenders = files(root, /\.tsx$/).filter((file) => {
      const code = readFileSync(file, "utf8")
        .replace(/\/\/.*$/gm, "")
        .replace(/\/\*[\s\S]*?\*\//g, "");
      return /[\u4e00-\u9fff]/.test(code);
    });
    expect(offenders).toEqual([]);
  });

  it("every kind of entity the audit log records has a label in both languages", () => {
    const source = [...files(root, /\.tsx?$/), ...files(path.resolve(root, "../prisma/seed"), /\.ts$/)].filter(
      (file) => !/\.test\.tsx?$/.test(file),
    );
    const written = new Set<string>();
    for (const file of source) {
      const code = readFileSync(file, "utf8");
      for (const m of code.matchAll(/entityType: "(\w+)"/g)) written.add(m[1]);
      // The approval workflow audits its subjects under their type.
      if (file.endsWith("-subject.server.ts")) for (const m of code.matchAll(/^\s*type: "(\w+)"/gm)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(20);
    for (const locale of locales) {
      const entities =
        JSON.parse(readFileSync(path.join(root, "locales", locale, "audit.json"), "utf8")).entities ?? {};
      expect(
        [...written].filter((type) => typeof entities[type] !== "string"),
        `audit.entities in ${locale}`,
      ).toEqual([]);
    }
  });

  it("the training department's roles have one name each: 培训部负责人 and 培训部文员 (issue 13)", () => {
    const otherNames = /培训部经理|培训经理|培训文员|培训专员|培训主管/g;
    const found = readdirSync(path.join(root, "locales", "zh-CN")).flatMap((file) =>
      [...readFileSync(path.join(root, "locales", "zh-CN", file), "utf8").matchAll(otherNames)].map(
        (m) => `${file}: ${m[0]}`,
      ),
    );
    expect(found).toEqual([]);
    const roles = JSON.parse(readFileSync(path.join(root, "locales", "zh-CN", "roles.json"), "utf8"));
    expect([roles.TRAINING_MANAGER, roles.TRAINING_CLERK]).toEqual(["培训部负责人", "培训部文员"]);
  });

  it("an English count before a noun has a singular form, so nobody reads “1 items” (issue 13)", () => {
    // {{count}} followed by a plural noun ("{{count}} questions", "the {{count}} attendees", "{{count}} people")
    // needs a `_one` sibling for i18next to pick; "(s)" is never a plural. A count that is at least 2 by its
    // nature is exempt by name.
    const alwaysSeveral = new Set(["peopleImport.tooManyRows"]);
    const pluralNoun = /\{\{count\}\}( [a-z]+)? [a-z-]*(s|people)\b/;
    const offenders: string[] = [];
    for (const file of readdirSync(path.join(root, "locales", "en"))) {
      const area = file.replace(/\.json$/, "");
      const walk = (node: Record<string, unknown>, prefix: string) => {
        for (const [key, value] of Object.entries(node)) {
          const name = `${prefix}.${key}`;
          if (typeof value === "object" && value !== null) walk(value as Record<string, unknown>, name);
          else if (typeof value === "string" && !/_(one|other)$/.test(key) && !alwaysSeveral.has(name)) {
            if (value.includes("(s)") || (pluralNoun.test(value) && !(`${key}_one` in node))) offenders.push(name);
          }
        }
      };
      walk(JSON.parse(readFileSync(path.join(root, "locales", "en", file), "utf8")), area);
    }
    expect(offenders).toEqual([]);
  });

  it(
    "components and workbook exports take their punctuation from the catalogs, " +
      "so English gets English punctuation",
    () => {
      // Full-width marks such as （）《》；、：，。 belong in the zh-CN catalog, not in code.
      const fullWidth = /[\u3000-\u303f\uff00-\uffef]/;
      const code = [
        ...files(path.join(root, "components"), /\.tsx?$/),
        ...files(path.join(root, "domain"), /-export\.server\.ts$/),
      ];
      const offenders = code.filter((file) =>
        fullWidth.test(
          readFileSync(file, "utf8")
            .replace(/\/\/.*$/gm, "")
            .replace(/\/\*[\s\S]*?\*\//g, ""),
        ),
      );
      expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
    },
  );
});
