import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readScripts } from "./catalog-script.server";

const dir = mkdtempSync(path.join(tmpdir(), "catalog-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("where each language's catalog chunk went, from the client build's Vite manifest", () => {
  it("gives each language's chunk as a URL of the site", () => {
    const file = path.join(dir, "client-manifest.json");
    writeFileSync(
      file,
      JSON.stringify({
        "app/locales/zh-CN.ts": { file: "assets/zh-CN-BM4_YOxK.js", isDynamicEntry: true },
        "app/locales/en.ts": { file: "assets/en-DrYG13Mn.js", isDynamicEntry: true },
        "app/root.tsx": { file: "assets/root-abc.js" },
      }),
    );
    expect(readScripts(file)).toEqual({ "zh-CN": "/assets/zh-CN-BM4_YOxK.js", en: "/assets/en-DrYG13Mn.js" });
  });

  it("gives none without a build, or from a manifest it cannot read (the catalog then loads after the scripts)", () => {
    expect(readScripts(path.join(dir, "missing.json"))).toEqual({});
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    expect(readScripts(broken)).toEqual({});
  });
});
