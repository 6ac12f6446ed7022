import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

import { loadCatalog } from "./locales/catalogs";
import { DEFAULT_LOCALE, toLocale } from "./utils/i18n";
import "./utils/validation";

// The page's language (root.tsx writes it on <html>) is hydrated with its catalog, loaded first, so the page says
// what the server's HTML said. Until then, and if the catalog cannot be loaded, the page is the server's HTML,
// whose links and forms work without JavaScript.
const locale = toLocale(document.documentElement.lang) ?? DEFAULT_LOCALE;

void loadCatalog(locale).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
