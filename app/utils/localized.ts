import { useTranslation } from "react-i18next";

/**
 * The English form of a name stored in both languages when the page is in English and there is
 * one; the Chinese form otherwise (it is always there).
 */
export function pickLocalized(language: string, zh: string, en: string | null | undefined): string {
  return language === "en" && en ? en : zh;
}

/** pickLocalized for the page's language: `const localized = useLocalized(); localized(r.titleZh, r.titleEn)`. */
export function useLocalized() {
  const { i18n } = useTranslation();
  return (zh: string, en: string | null | undefined) => pickLocalized(i18n.language, zh, en);
}
