import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the page's other query parameters. */
export function Pagination({ page, pages, total }: { page: number; pages: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const link = (to: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(to));
    return `?${params}`;
  };
  return (
    <nav className="flex items-center justify-between text-sm text-slate-600">
      <span>{t("common.pageOf", { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={link(page - 1)}>
            {t("common.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary" to={link(page + 1)}>
            {t("common.next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
