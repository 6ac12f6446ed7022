import { useEffect, useState } from "react";

import { hasCatalog, loadCatalog } from "~/locales/catalogs";

import type { Locale } from "./i18n";

/**
 * The language to render the page in: the one asked for as soon as its catalog is here (on the server, and when
 * hydrating, always), until then the one shown before, so a page never shows catalog keys. The browser loads a
 * language's catalog when it is first needed (ADR 0040): after the language switch, or a sign-in that brings the
 * person's own language. A catalog that cannot be loaded: the page is loaded again, and the server renders it.
 */
export function useShownLocale(wanted: Locale): Locale {
  const [shown, setShown] = useState(wanted);
  const ready = hasCatalog(wanted);
  useEffect(() => {
    if (ready) {
      setShown(wanted);
      return;
    }
    let current = true;
    loadCatalog(wanted).then(
      () => current && setShown(wanted),
      () => current && window.location.reload(),
    );
    return () => {
      current = false;
    };
  }, [wanted, ready]);
  return ready ? wanted : shown;
}
