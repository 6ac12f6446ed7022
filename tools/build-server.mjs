// `npm run build`, second step: server/main.ts and what it imports (server/, app/utils, the demo seed's
// entry) as plain JavaScript in build/start/, so production runs `node build/start/main.js` without a
// TypeScript loader. Under tsx the Remix build itself went through the loader too (transformed with an
// inline source map): ~250 MB more resident memory for the life of the process (docs/benchmarks.md,
// session 10). Packages stay imports of node_modules; only the repository's own files are bundled.
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ownFile = (id) => id.startsWith(".") || id.startsWith("/") || id.startsWith("~/") || id.startsWith("\0");
const builtin = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

await build({
  root,
  configFile: false,
  logLevel: "warn",
  mode: "production",
  publicDir: false,
  plugins: [tsconfigPaths({ root })],
  build: {
    ssr: true,
    outDir: "build/start",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { main: path.join(root, "server/main.ts"), "seed-demo": path.join(root, "server/seed-demo.ts") },
      // Every package (and node's own modules) is loaded from node_modules at run time, as under tsx.
      external: (id) => builtin.has(id) || !ownFile(id),
      output: { format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
