import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { DeliveryTabs } from "~/components/delivery/delivery-tabs";
import { Checklist } from "~/components/delivery/preparation-checklist";
import {
  BringItemsPanel,
  InstitutionPanel,
  OverridePanel,
  ProgressPanel,
} from "~/components/delivery/preparation-panels";
import { FormAlert } from "~/components/form";
import { setBringItems } from "~/domain/delivery/preparation-bring-items.server";
import { recordInstitution } from "~/domain/delivery/preparation-institution.server";
import { addItem, removeItem } from "~/domain/delivery/preparation-items.server";
import { setItemNote } from "~/domain/delivery/preparation-note.server";
import { overrideChecklist, withdrawOverride } from "~/domain/delivery/preparation-override.server";
import { preparationPage } from "~/domain/delivery/preparation-queries.server";
import { tickItem } from "~/domain/delivery/preparation-tick.server";
import {
  AddItemSchema,
  BringItemsSchema,
  InstitutionSchema,
  NoteSchema,
  OverrideSchema,
  RemoveItemSchema,
  TickSchema,
} from "~/domain/delivery/preparation.schema";
import { departmentIdsInScope, requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ courseId: Id });

const PrepIntent = z.discriminatedUnion("intent", [
  TickSchema.extend({ intent: z.literal("tick") }),
  AddItemSchema.extend({ intent: z.literal("addItem") }),
  RemoveItemSchema.extend({ intent: z.literal("removeItem") }),
  NoteSchema.extend({ intent: z.literal("note") }),
  InstitutionSchema.extend({ intent: z.literal("institution") }),
  BringItemsSchema.extend({ intent: z.literal("bringItems") }),
  OverrideSchema.extend({ intent: z.literal("override") }),
  z.object({ intent: z.literal("withdrawOverride") }),
]);

// The override is the training manager's; every other change the clerk's.
const OVERRIDE_INTENTS = ["override", "withdrawOverride"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const auth = await requirePermission(request, "read:course");
  const page = await preparationPage(courseId, await departmentIdsInScope(auth));
  invariantResponse(page, "Not found", { status: 404 });
  return {
    ...page,
    canPrepare: can(auth.user.roles, "prepare:course"),
    canOverride: can(auth.user.roles, "override:course-checklist"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, Params);
  const form = parseIntent(await request.formData(), PrepIntent);
  const { actor } = await requireActor(
    request,
    OVERRIDE_INTENTS.includes(form.intent ?? "") ? "override:course-checklist" : "prepare:course",
  );
  if (!form.ok) return invalid(form);
  const sent = { form, redirectTo: `/courses/${courseId}/preparation` };
  const d = form.data;
  switch (d.intent) {
    case "tick":
      return respond(await tickItem(actor, courseId, d.itemId, d.done), {
        ...sent,
        flash: d.done ? "preparation.notices.ticked" : "preparation.notices.unticked",
      });
    case "addItem":
      return respond(await addItem(actor, courseId, d.label), { ...sent, flash: "preparation.notices.itemAdded" });
    case "removeItem":
      return respond(await removeItem(actor, courseId, d.itemId), {
        ...sent,
        flash: "preparation.notices.itemRemoved",
      });
    case "note":
      return respond(await setItemNote(actor, courseId, d.itemId, d.note ?? null), {
        ...sent,
        flash: "preparation.notices.noted",
      });
    case "institution":
      return respond(
        await recordInstitution(actor, courseId, {
          institutionContact: d.institutionContact,
          agreedFeeFen: d.agreedFee ?? null,
        }),
        { ...sent, flash: "preparation.notices.institution" },
      );
    case "bringItems":
      return respond(await setBringItems(actor, courseId, d.bringItems), {
        ...sent,
        flash: "preparation.notices.bringItems",
      });
    case "override":
      return respond(await overrideChecklist(actor, courseId, d.reason), {
        ...sent,
        flash: "preparation.notices.overridden",
      });
    case "withdrawOverride":
      return respond(await withdrawOverride(actor, courseId), {
        ...sent,
        flash: "preparation.notices.overrideWithdrawn",
      });
  }
}

export default function PreparationPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedback = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  // After each change the page is reloaded by a redirect: the forms start empty again.
  const fresh = useLocation().key;
  const { course, delivery } = page;
  const open = delivery.state !== "CANCELLED";
  const canChange = page.canPrepare && open;
  const pageError =
    actionData && ["tick", "removeItem", "note"].includes(actionData.intent ?? "") ? actionData.errors : null;
  return (
    <div className="space-y-5">
      <Link to={`/courses/${course.id}`} className="btn-link">
        ← {t("preparation.backToCourse")}
      </Link>
      <DeliveryTabs courseId={course.id} />
      <div>
        <p className="text-sm text-slate-500">
          {t("preparation.title")} · {t(`preparation.kinds.${course.kind}`)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="page-title">{course.title}</h1>
          <span className="badge bg-slate-100 text-slate-700">{t(`preparation.states.${delivery.state}`)}</span>
        </div>
      </div>
      {delivery.state === "CANCELLED" ? <FormAlert tone="info" message="preparation.cancelledNotice" /> : null}
      {delivery.state === "PUBLISHED" ? <FormAlert tone="info" message="preparation.publishedNotice" /> : null}
      {!page.canPrepare && !page.canOverride ? <FormAlert tone="info" message="preparation.readOnly" /> : null}
      {pageError ? <FormAlert message={Object.values(pageError)[0]} /> : null}
      <ProgressPanel readiness={page.readiness} />
      <Checklist
        key={`c-${fresh}`}
        items={page.items}
        editable={canChange}
        addErrors={feedback("addItem")?.errors}
        addValues={feedback("addItem")?.values}
      />
      {course.kind === "EXTERNAL" ? (
        <InstitutionPanel
          key={`i-${fresh}`}
          course={course}
          delivery={delivery}
          editable={canChange}
          feedback={feedback("institution")}
        />
      ) : null}
      <BringItemsPanel
        key={`b-${fresh}`}
        bringItems={delivery.bringItems}
        editable={canChange}
        feedback={feedback("bringItems")}
      />
      {page.canOverride || delivery.override ? (
        <OverridePanel
          key={`o-${fresh}`}
          override={delivery.override}
          complete={page.readiness.complete}
          editable={page.canOverride && delivery.state === "PREPARING"}
          feedback={feedback("override") ?? feedback("withdrawOverride")}
        />
      ) : null}
    </div>
  );
}
