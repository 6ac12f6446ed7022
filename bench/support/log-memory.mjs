// A preload for the server under a bench: logs its memory every 2 s to stderr.
//   BENCH_NODE_OPTIONS="--import ./bench/support/log-memory.mjs" npm run bench -- pages
import v8 from "node:v8";

const mb = (n) => Math.round(n / 1_048_576);
setInterval(() => {
  const m = process.memoryUsage();
  const spaces = v8
    .getHeapSpaceStatistics()
    .map((s) => `${s.space_name.replace("_space", "")}=${mb(s.space_used_size)}/${mb(s.space_size)}`)
    .join(" ");
  const heap = `heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)}`;
  process.stderr.write(`[mem] rss=${mb(m.rss)} ${heap} ${spaces}\n`);
}, 2_000).unref();
