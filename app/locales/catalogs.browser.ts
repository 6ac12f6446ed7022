// The browser's catalogs.ts (vite.config.ts swaps it in for the client build): a page needs one language, so
// each language is its own chunk, loaded when asked for (entry.client.tsx, before hydrating; root.tsx, when the
// language changes). Both catalogs in every page's script were the client's largest chunk (329 kB, 111 kB
// gzipped: docs/benchmarks.md, session 23).
import type { Locale } from "~/utils/i18n";

import type { Catalog } from "./catalogs";

export const CATALOGS: Partial<Record<Locale, Catalog>> = {};

const chunks: Record<Locale, () => Promise<{ default: Catalog }>> = {
  "zh-CN": () => import("./zh-CN"),
  en: () => import("./en"),
};
const loading = new Map<Locale, Promise<void>>();

export function hasCatalog(locale: Locale): boolean {
  return locale in CATALOGS;
}

/** Resolves once the language's catalog is here; a failed load can be asked for again. */
export function loadCatalog(locale: Locale): Promise<void> {
  if (hasCatalog(locale)) return Promise.resolve();
  let load = loading.get(locale);
  if (!load) {
    load = chunks[locale]().then(
      (chunk) => {
        CATALOGS[locale] = chunk.default;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, load);
  }
  return load;
}
