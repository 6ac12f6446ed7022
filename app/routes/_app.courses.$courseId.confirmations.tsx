import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ClerkPanel, CourseFacts, HeadPanel } from "~/components/delivery/confirmation-panels";
import { DeliveryTabs } from "~/components/delivery/delivery-tabs";
import { FormAlert } from "~/components/form";
import { confirmAttendees } from "~/domain/delivery/confirm-attendees.server";
import { acknowledgeAttendeeChanges } from "~/domain/delivery/confirmation-acknowledge.server";
import { confirmationPage } from "~/domain/delivery/confirmation-queries.server";
import {
  ConfirmSchema,
  RemindSchema,
  RequestSchema,
  SwapSchema,
  WithdrawSchema,
} from "~/domain/delivery/confirmation-schema";
import { remindHeads } from "~/domain/delivery/remind-heads.server";
import { requestConfirmations } from "~/domain/delivery/request-confirmations.server";
import { swapAttendee } from "~/domain/delivery/swap-attendee.server";
import { withdrawAttendee } from "~/domain/delivery/withdraw-attendee.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ courseId: Id });

const Intent = z.discriminatedUnion("intent", [
  RequestSchema.extend({ intent: z.literal("request") }),
  RemindSchema.extend({ intent: z.literal("remind") }),
  z.object({ intent: z.literal("acknowledge") }),
  ConfirmSchema.extend({ intent: z.literal("confirm") }),
  SwapSchema.extend({ intent: z.literal("swap") }),
  WithdrawSchema.extend({ intent: z.literal("withdraw") }),
]);

// Confirming, swapping and withdrawing are the heads'; everything else (and anything unknown) the clerk's.
const HEAD_INTENTS = ["confirm", "swap", "withdraw"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const auth = await requirePermission(request, "read:course");
  const { roles, headOfDepartmentIds, id } = auth.user;
  const settings = await getSettings();
  const page = await confirmationPage(courseId, {
    allDepartments: auth.scope === "any",
    headOf: can(roles, "confirm:course-attendees") ? headOfDepartmentIds : [],
    headConfirmDays: settings.headConfirmDays,
    timeZone: settings.timeZone,
  });
  invariantResponse(page, "Not found", { status: 404 });
  const canManage = can(roles, "prepare:course");
  const changed = canManage
    ? await db.todoItem.count({
        where: { personId: id, kind: "course.attendeesChanged", sourceId: courseId, doneAt: null },
      })
    : 0;
  return { ...page, canManage, changed: changed > 0, headConfirmDays: settings.headConfirmDays };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const form = parseIntent(await request.formData(), Intent);
  const head = HEAD_INTENTS.includes(form.intent ?? "");
  const { actor } = await requireActor(request, head ? "confirm:course-attendees" : "prepare:course");
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/courses/${courseId}/confirmations` };
  const data = form.data;
  switch (data.intent) {
    case "request":
      return respond(await requestConfirmations(actor, courseId, { confirmBy: data.confirmBy }), {
        ...done,
        flash: "confirmations.notices.requested",
      });
    case "remind":
      return respond(await remindHeads(actor, courseId, { departmentId: data.departmentId || undefined }), {
        ...done,
        flash: "confirmations.notices.reminded",
      });
    case "acknowledge":
      return respond(await acknowledgeAttendeeChanges(actor, courseId), {
        ...done,
        flash: "confirmations.notices.acknowledged",
      });
    case "confirm":
      return respond(await confirmAttendees(actor, courseId, data.departmentId), {
        ...done,
        flash: "confirmations.notices.confirmed",
      });
    case "swap":
      return respond(await swapAttendee(actor, courseId, data), { ...done, flash: "confirmations.notices.swapped" });
    case "withdraw":
      return respond(await withdrawAttendee(actor, courseId, data), {
        ...done,
        flash: "confirmations.notices.withdrawn",
      });
  }
}

export default function ConfirmationsPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedback = actionData ?? null;
  return (
    <div className="space-y-5">
      <Link to={`/courses/${page.course.id}`} className="btn-link">
        ← {t("confirmations.back")}
      </Link>
      <DeliveryTabs courseId={page.course.id} />
      <div>
        <p className="text-sm text-slate-500">{t("confirmations.title")}</p>
        <h1 className="page-title">{page.course.title}</h1>
      </div>
      {feedback && !HEAD_INTENTS.includes(feedback.intent ?? "") && feedback.intent !== "request" ? (
        <FormAlert message={feedback.errors._form} />
      ) : null}
      <CourseFacts page={page} />
      {page.canManage || page.overview.length > 0 ? <ClerkPanel page={page} feedback={feedback} /> : null}
      {page.mine.map((section) => (
        <HeadPanel key={section.departmentId} section={section} page={page} feedback={feedback} />
      ))}
    </div>
  );
}
