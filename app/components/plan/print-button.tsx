import { useTranslation } from "react-i18next";

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {t("plan.printNow")}
    </button>
  );
}
