import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links of a keyset-paged list (cursors from app/utils/keyset.ts) that keep the page's other
 * query parameters. Nothing when the list fits on one page. A page with several paged lists names the list
 * in `params` (set on the links) and where it is in `hash`. */
export function KeysetPagination({
  next,
  previous,
  params: extra = {},
  hash = "",
}: {
  next: string | null;
  previous: string | null;
  params?: Record<string, string>;
  hash?: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const link = (key: "after" | "before", cursor: string) => {
    const params = new URLSearchParams(location.search);
    for (const k of ["after", "before", "page"]) params.delete(k);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    params.set(key, cursor);
    return `?${params}${hash}`;
  };
  if (!next && !previous) return null;
  return (
    <nav className="flex items-center justify-end gap-2 text-sm" aria-label={t("common.pages")}>
      {previous ? (
        <Link className="btn-secondary" to={link("before", previous)} rel="prev">
          {t("common.previous")}
        </Link>
      ) : null}
      {next ? (
        <Link className="btn-secondary" to={link("after", next)} rel="next">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
