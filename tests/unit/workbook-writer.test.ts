// Every workbook the app hands out is written by workbookBytes (app/utils/workbook.server.ts), which
// quotes formula-like text: an export that wrote its bytes itself would skip that.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

const app = path.resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

it("no file but the workbook writer writes a workbook's or a CSV's bytes", () => {
  const writers = sourceFiles(app)
    .filter((file) => /\.(xlsx|csv)\.(writeBuffer|writeFile|write)\(/.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(app, file));
  expect(writers).toEqual(["utils/workbook.server.ts"]);
});
