import i18next, { type i18n as I18n, type TFunction } from "i18next";

import { CATALOGS } from "~/locales/catalogs";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

// Each area keeps its own catalog file (locales/<locale>/<area>.json); its keys live under "<area>.". The
// catalogs here when the instance is made: both on the server, the page's language (at least) in the browser.
function resources() {
  return Object.fromEntries(
    Object.entries(CATALOGS).map(([locale, catalog]) => [locale, { translation: { ...catalog } }]),
  );
}

export function toLocale(value: string | null | undefined): Locale | null {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : null;
}

export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: resources(),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  rememberLanguageChains(instance);
  return instance;
}

/**
 * i18next works out the chain of languages to look a key up in (zh-CN → zh …) on every `t()` call, with
 * `Intl.getCanonicalLocales` each time: ~2 % of the server's CPU per page (docs/benchmarks.md, session 10).
 * The chain depends only on the language asked for and the instance's options, which never change here.
 */
function rememberLanguageChains(instance: I18n) {
  const utils = instance.services.languageUtils as {
    toResolveHierarchy: (code: unknown, fallbackCode?: unknown) => string[];
  };
  const workOut = utils.toResolveHierarchy.bind(utils);
  const chains = new Map<string, readonly string[]>();
  utils.toResolveHierarchy = (code, fallbackCode) => {
    if (typeof code !== "string" || fallbackCode !== undefined) return workOut(code, fallbackCode);
    let chain = chains.get(code);
    if (!chain) chains.set(code, (chain = Object.freeze(workOut(code))));
    // A copy: i18next's callers get an array of their own, as before.
    return [...chain];
  };
}

const cache = new Map<Locale, I18n>();
/** One instance per locale for the process (the page's render made a new one for every request, ~1 ms): nothing
 * changes an instance's language or resources after it is made (a locale switch takes another instance). In the
 * browser, only once the locale's catalog is here (hasCatalog). */
export function i18nFor(locale: Locale): I18n {
  let instance = cache.get(locale);
  if (!instance) cache.set(locale, (instance = createI18n(locale)));
  return instance;
}

/** A translator for server code (e-mails, exports, meta titles). */
export function serverT(locale: Locale): TFunction {
  return i18nFor(locale).t;
}
