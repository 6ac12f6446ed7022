// Every language's catalog, for the server, the seed, scripts, workers and tests. The browser gets
// catalogs.browser.ts instead (vite.config.ts swaps it in for the client build): one language at a time.
// Both files export the same three names. tests/unit/catalogs.test.ts checks that each language's file
// names every file in app/locales/<locale>/.
import type { Locale } from "~/utils/i18n";

import en from "./en";
import zhCN from "./zh-CN";

export type Catalog = Record<string, unknown>;

export const CATALOGS: Partial<Record<Locale, Catalog>> = { "zh-CN": zhCN, en };

/** Whether the language's catalog is here (always, outside the browser). */
export function hasCatalog(locale: Locale): boolean {
  return locale in CATALOGS;
}

/** Resolves once the language's catalog is here (at once, outside the browser). */
export function loadCatalog(_locale: Locale): Promise<void> {
  return Promise.resolve();
}
