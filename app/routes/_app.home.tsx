import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { Icon } from "~/components/icons";
import { navFor } from "~/components/nav";
import { formatYuan } from "~/components/training/format";
import { useFormat } from "~/components/use-format";
import { requireUser } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { Id } from "~/utils/params";
import { isDismissable } from "~/utils/todo-rules";
import { dismissTodo, listOpenTodos } from "~/utils/todo.server";

import type { loader as layoutLoader } from "./_app";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const todos = await listOpenTodos(user.id);
  return { name: user.name, roles: user.roles, todos, shortcuts: navFor(user.roles).filter((n) => n.to !== "/home") };
}

/** The amount a to-do is about (a plan's budget, a course's cost), when it names one. */
const amountOf = (params: unknown): number | null => {
  const fen = (params as { amountFen?: unknown } | null)?.amountFen;
  return typeof fen === "number" ? fen : null;
};

const DismissForm = z.object({ intent: z.literal("dismiss"), todoId: Id });

// Puts away a note (an approval, a withdrawal …) of one's own; anything else is left as it is.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = DismissForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !(await dismissTodo(user.id, parsed.data.todoId)))
    return redirectWithFlash("/home", { message: "errors.notFound", tone: "error" });
  return redirectWithFlash("/home", "home.dismissed");
}

export default function HomePage() {
  const { t } = useTranslation();
  const { name, roles, todos, shortcuts } = useLoaderData<typeof loader>();
  // The layout counts every open to-do; the list shows the first (soonest due) of them.
  const open = Math.max(useRouteLoaderData<typeof layoutLoader>("routes/_app")?.openTodos ?? 0, todos.length);
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
          <span className="text-xs text-slate-500">{t("home.todoCount", { count: open })}</span>
        </header>
        {todos.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-4 py-10 text-center text-slate-500">
            <Icon name="check" className="h-8 w-8 text-emerald-500" />
            <p className="text-sm">{t("home.todoEmpty")}</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100">
            {todos.map((todo) => (
              <li key={todo.id} className="flex items-center gap-2 pr-3 hover:bg-slate-50">
                <Link to={todo.href} className="flex min-w-0 flex-1 items-center gap-3 px-4 py-3">
                  <Icon name="inbox" className="h-5 w-5 shrink-0 text-brand-600" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm">
                      {t(`todo.kinds.${todo.kind}`, (todo.params ?? {}) as Record<string, string>)}
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">
                      {todo.fromName
                        ? t("home.from", { name: todo.fromName, at: format.dateTime(todo.createdAt) })
                        : t("home.fromSystem", { at: format.dateTime(todo.createdAt) })}
                      {amountOf(todo.params) === null
                        ? null
                        : ` · ${t("home.amount", { amount: formatYuan(amountOf(todo.params)!) })}`}
                    </span>
                  </span>
                  {todo.dueAt ? (
                    <span className="shrink-0 text-xs text-slate-500">
                      {t("home.due", { date: format.dateTime(todo.dueAt) })}
                    </span>
                  ) : null}
                </Link>
                {isDismissable(todo.kind) ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="todoId" value={todo.id} />
                    <button type="submit" className="btn-secondary px-2 py-1 text-xs">
                      {t("home.dismiss")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {open > todos.length ? (
          <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-500" data-testid="todo-more">
            {t("home.todoShown", { shown: todos.length, count: open })}
          </p>
        ) : null}
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
