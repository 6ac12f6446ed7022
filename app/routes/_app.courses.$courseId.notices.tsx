import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { DeliveryTabs } from "~/components/delivery/delivery-tabs";
import { NoticeHistory, NoticeSessions } from "~/components/delivery/notice-parts";
import { FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";
import { cancelCourse } from "~/domain/delivery/cancel-course.server";
import { noticePage } from "~/domain/delivery/notice-page.server";
import { notifyLecturer } from "~/domain/delivery/notify-lecturer.server";
import { publishCourse } from "~/domain/delivery/publish-course.server";
import { rescheduleSession } from "~/domain/delivery/reschedule-session.server";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ courseId: Id });
const text = (max: number) => z.string().trim().max(max);
const NoticeIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), version: z.coerce.number().int().min(0) }),
  z.object({ intent: z.literal("notifyLecturer") }),
  z.object({
    intent: z.literal("reschedule"),
    sessionId: Id,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid"),
    start: z.string().regex(/^\d{2}:\d{2}$/, "validation.invalid"),
    end: z.string().regex(/^\d{2}:\d{2}$/, "validation.invalid"),
    // In-house training picks a listed room, training held outside types its venue (the domain says which).
    roomId: text(40).optional(),
    location: text(100).optional(),
    reason: text(500).min(1, "notices.errors.reasonRequired"),
  }),
  z.object({
    intent: z.literal("cancel"),
    version: z.coerce.number().int().min(0).optional(),
    reason: text(500).min(1, "notices.errors.reasonRequired"),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const auth = await requirePermission(request, "read:course");
  const page = await noticePage(courseId, await departmentIdsInScope(auth));
  invariantResponse(page, "Not found", { status: 404 });
  return { ...page, canAct: can(auth.user.roles, "prepare:course") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const { actor } = await requireActor(request, "prepare:course");
  const form = parseIntent(await request.formData(), NoticeIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/courses/${courseId}/notices` };
  switch (form.data.intent) {
    case "publish":
      return respond(await publishCourse(actor, courseId, { version: form.data.version }), {
        ...done,
        flash: "notices.flash.published",
      });
    case "notifyLecturer":
      return respond(await notifyLecturer(actor, courseId), { ...done, flash: "notices.flash.lecturerNotified" });
    case "reschedule": {
      const { sessionId, ...input } = form.data;
      return respond(await rescheduleSession(actor, courseId, sessionId, input), {
        ...done,
        flash: "notices.flash.rescheduled",
      });
    }
    case "cancel":
      return respond(await cancelCourse(actor, courseId, form.data), { ...done, flash: "notices.flash.cancelled" });
  }
}

export default function CourseNotices() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { course, delivery, checklist, canAct } = page;
  const state = delivery?.state ?? "NONE";
  const errorOf = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const confirm = search.get("confirm");
  const { ready } = checklist;
  return (
    <div className="space-y-5">
      <Link to={`/courses/${course.id}`} className="btn-link">
        ← {t("notices.page.back")}
      </Link>
      <DeliveryTabs courseId={course.id} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="page-title">{t("notices.page.title")}</h1>
        <span className="badge">{t(`notices.state.${state}`)}</span>
      </div>
      <p className="text-slate-700">{course.title}</p>

      <section className="card space-y-2 p-4 sm:p-5">
        <p>{t("notices.page.readiness", { done: checklist.done, total: checklist.total })}</p>
        {delivery?.overrideReason ? (
          <p className="text-sm text-slate-600">
            {t("notices.page.readinessOverridden", { reason: delivery.overrideReason })}
          </p>
        ) : null}
        <Link to={`/courses/${course.id}/preparation`} className="btn-link">
          {t("notices.page.openPreparation")}
        </Link>
        {delivery?.publishedAt ? (
          <p className="text-sm">{t("notices.page.published", { at: fmt.dateTime(delivery.publishedAt) })}</p>
        ) : null}
        {delivery?.cancelledAt ? (
          <p className="text-sm text-red-700">
            {t("notices.page.cancelledAt", {
              at: fmt.dateTime(delivery.cancelledAt),
              reason: delivery.cancelReason ?? "",
            })}
          </p>
        ) : null}
      </section>

      {canAct && state === "PREPARING" ? (
        <section className="card space-y-3 p-4 sm:p-5">
          <h2 className="text-lg font-semibold">{t("notices.page.publishTitle")}</h2>
          <p className="text-sm text-slate-600">{t("notices.page.publishHelp")}</p>
          <FormAlert message={errorOf("publish")?._form} />
          {confirm === "publish" && !ready ? (
            // The server refuses it anyway; the confirmation step says so before the clerk presses anything.
            <FormAlert message={`notices.errors.checklistIncomplete::${JSON.stringify({ count: checklist.open })}`} />
          ) : confirm === "publish" ? (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="version" value={delivery?.version ?? 0} />
              <p>{t("notices.page.willSend", { attendees: page.attendees, mails: page.mails })}</p>
              {page.withoutEmail.length ? (
                <div>
                  <p className="text-sm">{t("notices.page.withoutEmail", { count: page.withoutEmail.length })}</p>
                  <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                    {page.withoutEmail.map((p) => (
                      <li key={p.employeeNo} className="badge">
                        {p.name} {p.employeeNo}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <button type="submit" className="btn-primary">
                {t("notices.page.confirmPublish")}
              </button>
            </Form>
          ) : (
            <Link to="?confirm=publish" className={ready ? "btn-primary inline-block" : "btn-secondary inline-block"}>
              {t("notices.page.publish")}
            </Link>
          )}
        </section>
      ) : null}

      <section className="card space-y-2 p-4 sm:p-5">
        <h2 className="text-lg font-semibold">{t("notices.page.lecturer")}</h2>
        {course.lecturerKind === "INTERNAL" ? (
          <>
            <p className="text-sm text-slate-600">
              {course.lecturer} · {t("notices.page.lecturerHelp")}
            </p>
            {delivery?.lecturerNotifiedAt ? (
              <p className="text-sm">
                {t("notices.page.lecturerNotified", { at: fmt.dateTime(delivery.lecturerNotifiedAt) })}
              </p>
            ) : null}
            <FormAlert message={errorOf("notifyLecturer")?._form} />
            {canAct && state !== "CANCELLED" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="notifyLecturer" />
                <button type="submit" className="btn-secondary">
                  {t("notices.page.notifyLecturer")}
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {course.lecturer} · {t("notices.page.lecturerExternal")}
          </p>
        )}
      </section>

      <NoticeSessions
        courseId={course.id}
        sessions={page.sessions}
        rooms={page.rooms}
        outside={page.outside}
        editable={canAct && course.approved && state !== "CANCELLED"}
        errors={errorOf("reschedule")}
        values={actionData?.intent === "reschedule" ? actionData.values : undefined}
      />

      {canAct && course.approved && state !== "CANCELLED" ? (
        <section className="card space-y-3 p-4 sm:p-5">
          <h2 className="text-lg font-semibold">{t("notices.page.cancel")}</h2>
          <p className="text-sm text-slate-600">{t("notices.page.cancelHelp")}</p>
          {confirm === "cancel" || errorOf("cancel") ? (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="version" value={delivery?.version ?? 0} />
              <FormAlert message={errorOf("cancel")?._form} />
              <label className="label" htmlFor="cancel-reason">
                {t("notices.page.reason")}
              </label>
              <textarea id="cancel-reason" name="reason" className="input" required rows={2} />
              {errorOf("cancel")?.reason ? <FormAlert message={errorOf("cancel")?.reason} /> : null}
              <button type="submit" className="btn-primary bg-red-600 hover:bg-red-700">
                {t("notices.page.confirmCancel")}
              </button>
            </Form>
          ) : (
            <Link to="?confirm=cancel" className="btn-secondary inline-block">
              {t("notices.page.cancel")}
            </Link>
          )}
        </section>
      ) : null}

      <NoticeHistory history={page.history} />
    </div>
  );
}
