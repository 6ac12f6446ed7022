import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { KeysetPagination } from "~/components/keyset-pagination";
import { LeaveList } from "~/components/leave/leave-parts";
import { acknowledgeLeave } from "~/domain/leave/acknowledge-leave.server";
import { leaveGate, leaveTabs, type LeaveTab } from "~/domain/leave/leave-access";
import { leaveViewer, myLeaves, receivedLeaves, waitingForHead } from "~/domain/leave/leave-queries.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { keysetQuery, NO_PAGE, pageLinks } from "~/utils/keyset";
import { Id } from "~/utils/params";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const QuerySchema = z.object({
  tab: z.string().max(20).optional().catch(undefined),
  /** On the clerk's desk, which of its two lists the cursor pages (the other stays on its first page). */
  list: z.enum(["open", "done"]).optional().catch(undefined),
  ...keysetQuery,
});

// The trainee's own forms; a head's forms waiting for them; the clerk's approved forms to acknowledge. Each
// list is read a keyset page at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, leaveGate((await requireUser(request)).roles));
  const tabs = leaveTabs(user.roles);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const cursor = { after: query.after, before: query.before };
  // A clerk lands on their desk, a head on what waits for them; anyone can switch.
  const tab: LeaveTab =
    tabs.find((t) => t === query.tab) ??
    (tabs.includes("received") ? "received" : tabs.includes("review") ? "review" : "mine");
  const viewer = await leaveViewer(user);
  const mine = tab === "mine" ? await myLeaves(user.id, cursor) : NO_PAGE;
  const review = tab === "review" ? await waitingForHead(viewer, cursor) : NO_PAGE;
  const received =
    tab === "received"
      ? await receivedLeaves(query.list === "done" ? {} : cursor, query.list === "done" ? cursor : {})
      : { open: NO_PAGE, done: NO_PAGE };
  return {
    tabs,
    tab,
    mine: mine.items,
    review: review.items,
    received: { open: received.open.items, done: received.done.items },
    pages: {
      mine: pageLinks(mine),
      review: pageLinks(review),
      open: pageLinks(received.open),
      done: pageLinks(received.done),
    },
  };
}

const LeaveIndexIntent = z.discriminatedUnion("intent", [z.object({ intent: z.literal("acknowledge"), leaveId: Id })]);

export async function action({ request }: ActionFunctionArgs) {
  await requireActor(request, leaveGate((await requireUser(request)).roles));
  const form = parseIntent(await request.formData(), LeaveIndexIntent);
  if (!form.ok) return invalid(form);
  const { actor } = await requireActor(request, "receive:leave");
  return respond(await acknowledgeLeave(actor, form.data.leaveId), {
    form,
    redirectTo: "/leave?tab=received",
    flash: "leave.notices.acknowledged",
  });
}

export default function LeaveIndex() {
  const { t } = useTranslation();
  const { tabs, tab, mine, review, received, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("leave.formName")}</p>
          <h1 className="page-title">{t("leave.title")}</h1>
        </div>
        {tabs.includes("mine") ? (
          <Link to="/leave/new" className="btn-primary">
            {t("leave.new")}
          </Link>
        ) : null}
      </div>
      {tabs.length > 1 ? (
        <nav className="flex gap-1 border-b border-slate-200" aria-label={t("leave.title")}>
          {tabs.map((name) => (
            <Link
              key={name}
              to={`/leave?tab=${name}`}
              aria-current={name === tab ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                name === tab
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {t(`leave.tabs.${name}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      <FormAlert message={actionData?.errors?._form ?? actionData?.errors?.leaveId} />
      {tab === "mine" ? (
        <>
          <LeaveList items={mine} empty={t("leave.empty.mine")} />
          <KeysetPagination {...pages.mine} />
        </>
      ) : null}
      {tab === "review" ? (
        <>
          <LeaveList items={review} empty={t("leave.empty.review")} showPerson />
          <KeysetPagination {...pages.review} />
        </>
      ) : null}
      {tab === "received" ? (
        <>
          <h2 id="open" className="font-semibold">
            {t("leave.receivedOpen")}
          </h2>
          <LeaveList
            items={received.open}
            empty={t("leave.empty.received")}
            showPerson
            action={(item) => (
              <Form method="post">
                <input type="hidden" name="intent" value="acknowledge" />
                <input type="hidden" name="leaveId" value={item.id} />
                <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
                  {t("leave.acknowledge")}
                </button>
              </Form>
            )}
          />
          <KeysetPagination {...pages.open} params={{ list: "open" }} hash="#open" />
          <h2 id="done" className="pt-2 font-semibold">
            {t("leave.receivedDone")}
          </h2>
          <LeaveList items={received.done} empty={t("leave.empty.done")} showPerson />
          <KeysetPagination {...pages.done} params={{ list: "done" }} hash="#done" />
        </>
      ) : null}
    </div>
  );
}
