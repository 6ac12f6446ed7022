import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { loadCatalog } from "~/locales/catalogs";
import { LOCALES, type Locale } from "~/utils/i18n";

// The browser loads a language's catalog when first needed (ADR 0040): from the moment a pointer or the keyboard
// comes to its button, so it is usually here before the switched page's data.
const preload = (locale: Locale) => () => void loadCatalog(locale).catch(() => {});

// A plain form, so the switch works before (or without) JavaScript.
export function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const classes = tone === "dark" ? "text-brand-100 hover:text-white" : "text-slate-500 hover:text-slate-900";
  return (
    <Form method="post" action="/locale" className="flex items-center gap-1 text-xs" aria-label={t("common.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          onPointerEnter={preload(locale)}
          onFocus={preload(locale)}
          aria-pressed={i18n.language === locale}
          className={[
            "rounded",
            "px-1.5",
            "py-0.5",
            i18n.language === locale ? "font-semibold underline underline-offset-4" : "",
            classes,
          ].join(" ")}
        >
          {t(`common.locales.${locale}`)}
        </button>
      ))}
    </Form>
  );
}
