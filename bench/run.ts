// Runs the benchmarks: every bench/*.bench.ts, or those whose file name contains an argument.
//   npm run bench            all of them
//   npm run bench -- quiz    only bench/quiz.bench.ts
// A benchmark file's default export runs it and reports its figures and whether each target was met.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export type BenchReport = { name: string; lines: string[]; targets: Array<{ label: string; met: boolean }> };
export type Bench = () => Promise<BenchReport>;

const dir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((want) => f.includes(want)))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${filters.join(", ") || "bench/*.bench.ts"}.`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const run = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench }).default;
  const report = await run();
  for (const line of report.lines) console.log(line);
  for (const target of report.targets) {
    console.log(`${target.met ? "PASS" : "FAIL"}  ${target.label}`);
    if (!target.met) failed++;
  }
  console.log(`(${report.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(failed ? `\n${failed} target(s) not met.` : "\nEvery target met.");
process.exit(failed ? 1 : 0);
