import { readFileSync } from "node:fs";

import { LOCALES, type Locale } from "./i18n";

type ViteManifest = Record<string, { file: string }>;

let scripts: Partial<Record<Locale, string>> | undefined;

/**
 * The URL of the language's catalog chunk in the client build (ADR 0040), for the page to preload alongside its other
 * scripts rather than after them; undefined where there is no client build (tests, `npm run dev`). Read once, from
 * the client build's Vite manifest, which Remix moves to build/.vite/ (not served), beside build/server/, where this
 * module runs once built.
 */
export function catalogScript(locale: Locale): string | undefined {
  scripts ??= readScripts(new URL("../.vite/client-manifest.json", import.meta.url));
  return scripts[locale];
}

export function readScripts(manifestFile: URL | string): Partial<Record<Locale, string>> {
  let manifest: ViteManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as ViteManifest;
  } catch {
    return {};
  }
  return Object.fromEntries(
    LOCALES.flatMap((locale) => {
      const entry = manifest[`app/locales/${locale}.ts`];
      return entry ? [[locale, `/${entry.file}`]] : [];
    }),
  );
}
