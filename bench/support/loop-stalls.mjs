// A preload for the server under a bench: every 5 s, to stderr, how long the event loop was held (its delay
// percentiles, perf_hooks.monitorEventLoopDelay at 1 ms resolution) and the garbage collections of the window
// (count, total and longest pause per kind), so that a latency tail can be put down to GC or to other stalls.
//   BENCH_NODE_OPTIONS="--import $PWD/bench/support/loop-stalls.mjs" npm run bench -- clearance
import { PerformanceObserver, constants, monitorEventLoopDelay } from "node:perf_hooks";

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "scavenge",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "mark-compact",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak-cb",
};
let gcs = new Map();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[entry.detail?.kind ?? entry.kind] ?? "other";
    const g = gcs.get(kind) ?? { n: 0, total: 0, max: 0 };
    g.n++;
    g.total += entry.duration;
    g.max = Math.max(g.max, entry.duration);
    gcs.set(kind, g);
  }
}).observe({ entryTypes: ["gc"] });

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const ms = (ns) => (ns / 1e6).toFixed(1);
setInterval(() => {
  const loop = `loop delay p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)} ms`;
  const gc = [...gcs].map(([k, g]) => `${k} ${g.n}× total ${g.total.toFixed(0)} max ${g.max.toFixed(1)} ms`).join(", ");
  process.stderr.write(`[stalls] ${loop}; gc: ${gc || "none"}\n`);
  delay.reset();
  gcs = new Map();
}, 5_000).unref();
