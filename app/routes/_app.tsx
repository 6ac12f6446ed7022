import { data, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  NavLink,
  Outlet,
  useLoaderData,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FlashMessage } from "~/components/flash-message";
import { Icon } from "~/components/icons";
import { LanguageSwitch } from "~/components/language-switch";
import { navFor } from "~/components/nav";
import { skipLayoutReloadOpeningAttempt } from "~/components/quiz/attempt-api";
import { requireUser } from "~/utils/auth.server";
import { readFlash } from "~/utils/flash.server";
import { countOpenTodos } from "~/utils/todo.server";

export const shouldRevalidate: ShouldRevalidateFunction = skipLayoutReloadOpeningAttempt;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [openTodos, { flash, headers }] = await Promise.all([countOpenTodos(user.id), readFlash(request)]);
  // The flash is read once: the same answer clears its cookie.
  return data(
    {
      user: { name: user.name, employeeNo: user.employeeNo, roles: user.roles },
      nav: navFor(user.roles),
      openTodos,
      flash,
    },
    { headers },
  );
}

type LayoutData = ReturnType<typeof useLoaderData<typeof loader>>;

function NavList({ data: { nav, openTodos } }: { data: LayoutData }) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-0.5">
      {nav.map((item, i) => (
        <li key={item.to}>
          {item.group !== "main" && item.group !== nav[i - 1]?.group ? (
            <p className="px-3 pb-1 pt-3 text-[11px] font-semibold uppercase tracking-wider text-slate-400">
              {t(`nav.groups.${item.group}`)}
            </p>
          ) : null}
          <NavLink
            to={item.to}
            className={({ isActive }) =>
              [
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              ].join(" ")
            }
          >
            <Icon name={item.icon} />
            <span className="flex-1">{t(item.labelKey)}</span>
            {item.to === "/home" && openTodos > 0 ? (
              <span className="badge bg-brand-600 text-white">{openTodos}</span>
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function AppShell({ data, children }: { data: LayoutData; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = data;
  return (
    <div className="min-h-screen lg:flex">
      {/* One navigation for every screen (it was rendered twice, a sidebar and a phone menu: docs/benchmarks.md,
          session 10). Wide screens show it as the sidebar; on a phone the header's menu button (the label of
          this box) shows it as a drop-down, without scripts. */}
      <input id="nav-toggle" type="checkbox" className="peer sr-only" />
      <aside
        className={[
          "fixed left-2 top-14 z-20 hidden max-h-[75vh] w-60 overflow-y-auto rounded-lg border border-slate-200",
          "bg-white shadow-lg peer-checked:block",
          "lg:static lg:flex lg:max-h-none lg:shrink-0 lg:flex-col lg:overflow-visible lg:rounded-none",
          "lg:border-y-0 lg:border-l-0 lg:shadow-none",
        ].join(" ")}
      >
        <div className="hidden border-b border-slate-200 px-5 py-4 lg:block">
          <p className="text-base font-semibold text-brand-800">TrainGate</p>
          <p className="text-xs text-slate-500">{t("common.productName")}</p>
        </div>
        <nav className="flex-1 p-2 lg:p-3" aria-label={t("nav.main")}>
          <NavList data={data} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header
          className={[
            "sticky",
            "top-0",
            "z-10",
            "flex",
            "items-center",
            "gap-3",
            "border-b",
            "border-slate-200",
            "bg-white/95",
            "px-4",
            "py-2.5",
            "backdrop-blur",
          ].join(" ")}
        >
          <label
            htmlFor="nav-toggle"
            aria-label={t("nav.menu")}
            className={[
              "flex cursor-pointer items-center rounded-md p-1.5 text-slate-600 hover:bg-slate-100 lg:hidden",
              "[.peer:checked~div_&]:bg-slate-100",
              "[.peer:focus-visible~div_&]:ring-2 [.peer:focus-visible~div_&]:ring-brand-500",
            ].join(" ")}
          >
            <Icon name="menu" />
          </label>
          <p className="font-semibold text-brand-800 lg:hidden">TrainGate</p>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch />
            <span className="hidden text-sm text-slate-600 sm:inline">
              {user.name} <span className="font-mono text-xs text-slate-400">{user.employeeNo}</span>
            </span>
            <a href="/password" className="hidden text-sm text-slate-500 hover:text-slate-900 sm:inline">
              {t("auth.changePasswordLink")}
            </a>
            <Form method="post" action="/logout">
              <button type="submit" className="btn-secondary px-2.5 py-1 text-xs">
                {t("auth.signOut")}
              </button>
            </Form>
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 p-4 sm:p-6">{children}</main>
      </div>
    </div>
  );
}

export default function AppLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell data={data}>
      {data.flash ? (
        <div className="mb-4">
          <FlashMessage key={data.flash.id} flash={data.flash} />
        </div>
      ) : null}
      <Outlet />
    </AppShell>
  );
}

/** A page's error its own ErrorBoundary did not catch still keeps the navigation around it. */
export function ErrorBoundary() {
  // Missing only when the layout's own loader failed.
  const data = useRouteLoaderData<typeof loader>("routes/_app");
  if (!data)
    return (
      <main className="p-6">
        <GeneralErrorBoundary />
      </main>
    );
  return (
    <AppShell data={data}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
