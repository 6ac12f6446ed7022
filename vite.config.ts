import { fileURLToPath } from "node:url";

import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/** The browser's code gets app/locales/catalogs.browser.ts wherever it imports catalogs.ts: one language's
 * catalog at a time, loaded when asked for, instead of both in every page's script (ADR 0040). */
function catalogsPerLanguage(): Plugin {
  const everywhere = fileURLToPath(new URL("app/locales/catalogs.ts", import.meta.url));
  const browser = fileURLToPath(new URL("app/locales/catalogs.browser.ts", import.meta.url));
  return {
    name: "traingate:catalogs-per-language",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (options?.ssr || !/(^|\/)catalogs(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === everywhere ? browser : null;
    },
  };
}

export default defineConfig({
  server: { port: 3000 },
  // Kept, in build/.vite/ (Remix moves it out of the served build/client/): the server reads where each language's
  // catalog chunk went, to let the page preload its own (app/utils/catalog-script.server.ts).
  build: { manifest: true },
  // A server-only package (password hashing, imported by .server modules only) that Vite's scan of the routes finds
  // anyway: pre-bundling it for the browser fails (it has no browser build here), and in `npm run dev` every page
  // then waited for that bundling without end and never hydrated.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  plugins: [
    catalogsPerLanguage(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
});
