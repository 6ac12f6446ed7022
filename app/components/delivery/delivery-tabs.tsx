import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// An approved course's pages, in the order of the procedure: the course plan (006–007), preparation (008),
// the heads' confirmation and the notices (009). The sign-in sheets (010) hang off each session.
const TABS = [
  { to: "", key: "plan" },
  { to: "/preparation", key: "preparation" },
  { to: "/confirmations", key: "confirmations" },
  { to: "/notices", key: "notices" },
] as const;

export function DeliveryTabs({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  return (
    <nav
      aria-label={t("delivery.tabs.label")}
      className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 pb-px"
    >
      {TABS.map((tab) => (
        <NavLink
          key={tab.key}
          to={`/courses/${courseId}${tab.to}`}
          end
          className={({ isActive }) =>
            `whitespace-nowrap rounded-t-md px-3 py-2 text-sm ${
              isActive
                ? "border-b-2 border-brand-600 font-semibold text-brand-700"
                : "text-slate-600 hover:text-slate-900"
            }`
          }
        >
          {t(`delivery.tabs.${tab.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
