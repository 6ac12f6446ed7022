import { useTranslation } from "react-i18next";

import { DEFAULT_SETTINGS } from "~/domain/settings/settings.schema";
import { useRootData } from "~/root";
import { formatDate, formatDateTime } from "~/utils/format";

export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.settings.timeZone ?? DEFAULT_SETTINGS.timeZone;
  return {
    dateTime: (v: Date | string | null | undefined) => formatDateTime(v, i18n.language, timeZone),
    date: (v: Date | string | null | undefined) => formatDate(v, i18n.language, timeZone),
  };
}
