import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { formatDate, formatDateTime } from "~/utils/format";

export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.settings.timeZone ?? "Asia/Shanghai";
  return {
    dateTime: (v: Date | string | null | undefined) => formatDateTime(v, i18n.language, timeZone),
    date: (v: Date | string | null | undefined) => formatDate(v, i18n.language, timeZone),
    timeZone,
  };
}
