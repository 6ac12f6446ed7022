import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Icon } from "~/components/icons";
import { navFor } from "~/components/nav";
import { useFormat } from "~/components/use-format";
import { requireUser } from "~/utils/auth.server";
import { listOpenTodos } from "~/utils/todo.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const todos = await listOpenTodos(user.id);
  return { name: user.name, roles: user.roles, todos, shortcuts: navFor(user.roles).filter((n) => n.to !== "/home") };
}

export default function HomePage() {
  const { t } = useTranslation();
  const { name, roles, todos, shortcuts } = useLoaderData<typeof loader>();
  const format = useFormat();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">{t("home.greeting", { name })}</h1>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {roles.map((role) => (
            <span key={role} className="badge bg-brand-50 text-brand-700">
              {t(`roles.${role}`)}
            </span>
          ))}
        </div>
      </div>
      <section className="card">
        <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("home.todoTitle")}</h2>
          <span className="text-xs text-slate-500">{t("home.todoCount", { count: todos.length })}</span>
        </header>
        {todos.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-10 text-center text-slate-500">
            <Icon name="check" className="h-8 w-8 text-emerald-500" />
            <p className="text-sm">{t("home.todoEmpty")}</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100">
            {todos.map((todo) => (
              <li key={todo.id}>
                <Link to={todo.href} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
                  <Icon name="inbox" className="h-5 w-5 text-brand-600" />
                  <span className="flex-1 text-sm">
                    {t(`todo.kinds.${todo.kind}`, (todo.params ?? {}) as Record<string, string>)}
                  </span>
                  {todo.dueAt ? (
                    <span className="text-xs text-slate-500">
                      {t("home.due", { date: format.dateTime(todo.dueAt) })}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {shortcuts.length > 0 ? (
        <section>
          <h2 className="mb-2 text-sm font-semibold text-slate-600">{t("home.shortcuts")}</h2>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {shortcuts.map((s) => (
              <Link
                key={s.to}
                to={s.to}
                className="card flex items-center gap-3 p-4 text-sm font-medium hover:border-brand-300 hover:shadow"
              >
                <Icon name={s.icon} className="h-5 w-5 text-brand-600" />
                {t(s.labelKey)}
              </Link>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
