// autocannon's latency histogram stores whole milliseconds, cut down (4.9 ms is recorded as 4): its "p99 5 ms"
// means a p99 somewhere in [5, 6) ms. This records every response's own time (a float, from process.hrtime) as
// autocannon reports it, and gives the percentiles to a tenth of a millisecond.
import { writeFileSync } from "node:fs";

import autocannon, { type Options, type Result } from "autocannon";

export type ExactLatency = { p50: number; p90: number; p99: number; p99_9: number; max: number; count: number };

/** The value at `p` % of sorted `times` (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

let runs = 0;

function doubled(values: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(values.length * 2);
  grown.set(values);
  return grown;
}

export async function autocannonExact(options: Options): Promise<{ result: Result; exact: ExactLatency }> {
  runs++;
  let times = new Float64Array(1 << 18);
  let n = 0;
  // BENCH_LATENCY_DUMP=file: a line "end latency" (ms since the run began, ms) per response, into file.1, file.2…
  // (one per run): do the slow ones come together (a stall of the server) or alone?
  const dump = process.env.BENCH_LATENCY_DUMP ? `${process.env.BENCH_LATENCY_DUMP}.${runs}` : undefined;
  let ends = new Float64Array(dump ? 1 << 18 : 0);
  const t0 = performance.now();
  const run = autocannon(options);
  run.on("response", (_client, statusCode, _bytes, ms) => {
    if (statusCode < 200 || statusCode > 299) return; // as autocannon's own histogram
    if (n === times.length) {
      times = doubled(times);
      if (dump) ends = doubled(ends);
    }
    if (dump) ends[n] = performance.now() - t0;
    times[n++] = ms;
  });
  const result = await run;
  if (dump) {
    const lines = Array.from(times.subarray(0, n), (t, i) => `${ends[i].toFixed(2)} ${t.toFixed(2)}`);
    writeFileSync(dump, `${lines.join("\n")}\n`);
  }
  const sorted = times.subarray(0, n).sort();
  const at = (p: number) => Math.round(percentile(sorted, p) * 10) / 10;
  return {
    result,
    exact: { p50: at(50), p90: at(90), p99: at(99), p99_9: at(99.9), max: at(100), count: n },
  };
}

export const formatExact = (e: ExactLatency) =>
  `p50 ${e.p50} / p90 ${e.p90} / p99 ${e.p99} / p99.9 ${e.p99_9} / max ${e.max} ms`;
