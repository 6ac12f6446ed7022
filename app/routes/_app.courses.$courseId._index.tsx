import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { ApprovalBadge, ApprovalPanel, decisionError, DecisionHistory } from "~/components/approval-panel";
import { AcknowledgedSubmit, AcknowledgementNotice } from "~/components/budget/acknowledged-submit";
import { BatchesPanel } from "~/components/course/batches-panel";
import { CourseDiff } from "~/components/course/course-diff";
import { Attendees, Materials, Sessions } from "~/components/course/course-parts";
import { BudgetPanel, ClashPanel, CourseDetails } from "~/components/course/course-summary";
import { DeliveryTabs } from "~/components/delivery/delivery-tabs";
import { FormAlert } from "~/components/form";
import { TaughtRulesPanel } from "~/components/rule-loop/taught-rules-panel";
import { courseAcknowledgement } from "~/domain/budget/course-concerns.server";
import { OtherDecisionSchema, SubmitCourseSchema } from "~/domain/budget/submit-course.schema";
import { submitCourse } from "~/domain/budget/submit-course.server";
import { submitConcerns } from "~/domain/budget/training-budget-rules";
import { formAssignments } from "~/domain/course/batch-rules";
import { attendeeOptions, coursePage } from "~/domain/course/course-page.server";
import {
  addAttendees,
  addMaterial,
  addSession,
  deleteMaterial,
  deleteSession,
  removeAttendee,
} from "~/domain/course/course-parts.server";
import { CourseSubject } from "~/domain/course/course-subject.server";
import { AttendeesSchema, BatchesSchema, SessionSchema } from "~/domain/course/course.schema";
import { MAX_MATERIAL_BYTES } from "~/domain/course/material-rules";
import { saveBatches } from "~/domain/course/save-batches.server";
import { yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { taughtRules } from "~/domain/rule-loop/course-rule-choices.server";
import { heldOutside } from "~/domain/scheduling/room-rules";
import { roomChoices } from "~/domain/scheduling/scheduling-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission, requireUser, type CurrentUser } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { readMultipart } from "~/utils/upload.server";
import { parseIntent } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const CourseParams = z.object({ courseId: Id });

// The page's forms, told apart by their `intent`: the course's parts, and the workflow's decisions.
// (Uploading a material is a multipart post of the file alone.)
const CourseIntent = z.discriminatedUnion("intent", [
  SessionSchema.safeExtend({ intent: z.literal("addSession") }),
  AttendeesSchema.safeExtend({ intent: z.literal("addAttendees") }),
  // The split into batches: the count, and `session:<id>` / `attendee:<id>` per row (ADR 0025).
  BatchesSchema.safeExtend({ intent: z.literal("saveBatches") }),
  z.object({ intent: z.literal("deleteSession"), sessionId: Id }),
  z.object({ intent: z.literal("removeAttendee"), personId: Id }),
  z.object({ intent: z.literal("deleteMaterial"), materialId: Id }),
  // Submitting carries the acknowledgement a course over budget or with clashes needs (the budget area's).
  SubmitCourseSchema,
  OtherDecisionSchema,
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId } = getParams(params, CourseParams);
  const auth = await requirePermission(request, "read:course");
  const page = await coursePage(
    courseId,
    auth.user.roles,
    await departmentIdsInScope(auth),
    (await getSettings()).timeZone,
  );
  invariantResponse(page, "Not found", { status: 404 });
  const canDraft = can(auth.user.roles, "draft:course");
  return {
    ...page,
    canDraft,
    options: canDraft && page.editable ? await attendeeOptions() : { departments: [], posts: [] },
    rooms: canDraft && page.editable ? await roomChoices() : [],
    taught: await taughtRules(courseId),
    concerns: submitConcerns({ warnings: page.budget.warnings, ...page.clashes.groups }),
    acknowledgement: await courseAcknowledgement(courseId, page.course.revision),
  };
}

// Multipart bodies are read with the material's limit per part, in total and in number of parts, counted while
// they stream, so an oversized file is refused without being kept.
async function readForm(request: Request): Promise<{ formData: FormData | null; uploadError?: string }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { formData: await request.formData() };
  const upload = await readMultipart(request, { maxFileBytes: MAX_MATERIAL_BYTES });
  if (upload.ok) return { formData: upload.form };
  return {
    formData: null,
    uploadError: upload.reason === "tooLarge" ? "course.material.tooLarge" : "course.material.uploadFailed",
  };
}

const UPLOAD = "uploadMaterial";

/**
 * Before a body is read: a permission this page's actions need, the one the person holds if any (else the
 * uploader's, which refuses and audits). Someone who may do nothing here (an agent) is refused before a byte of
 * their file is read, and the server closes the connection instead of reading on.
 */
function gatePermission(user: CurrentUser) {
  const { drafter, approver } = CourseSubject.policy;
  return [drafter, approver].find((p) => can(user.roles, p)) ?? permissionFor(CourseSubject.policy, UPLOAD);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { courseId } = getParams(params, CourseParams);
  // Anonymous visitors go to the login page, and people who may change nothing here get 403, before the body is read.
  await requireActor(request, gatePermission(await requireUser(request)));
  const { formData, uploadError } = await readForm(request);
  const file = formData?.get("file");
  const form = formData && !uploadError && !(file instanceof File) ? parseIntent(formData, CourseIntent) : null;
  // Approving and rejecting are the training manager's; everything else (withdrawing and uploading too) the clerk's.
  const { actor } = await requireActor(request, permissionFor(CourseSubject.policy, form?.intent ?? UPLOAD));
  const done = { redirectTo: `/courses/${courseId}` };
  if (!form) {
    if (uploadError || !(file instanceof File) || (file.size === 0 && !file.name))
      return invalid({ intent: UPLOAD, errors: { file: uploadError ?? "course.material.noFile" }, values: {} });
    const uploaded = await addMaterial(actor, courseId, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return respond(uploaded, {
      ...done,
      form: { intent: UPLOAD, values: {} },
      flash: "course.notices.materialUploaded",
    });
  }
  if (!form.ok) return invalid(form);
  const sent = { ...done, form };
  switch (form.data.intent) {
    case "addSession":
      return respond(await addSession(actor, courseId, form.data, (await getSettings()).timeZone), {
        ...sent,
        flash: "course.notices.sessionAdded",
      });
    case "addAttendees":
      return respond(await addAttendees(actor, courseId, form.data), {
        ...sent,
        flash: "course.notices.attendeesAdded",
      });
    case "saveBatches":
      return respond(await saveBatches(actor, courseId, { ...form.data, ...formAssignments(form.data) }), {
        ...sent,
        flash: "course.notices.batchesSaved",
      });
    case "deleteSession":
      return respond(await deleteSession(actor, courseId, form.data.sessionId), {
        ...sent,
        flash: "course.notices.sessionDeleted",
      });
    case "removeAttendee":
      return respond(await removeAttendee(actor, courseId, form.data.personId), {
        ...sent,
        flash: "course.notices.attendeeRemoved",
      });
    case "deleteMaterial":
      return respond(await deleteMaterial(actor, courseId, form.data.materialId), {
        ...sent,
        flash: "course.notices.materialDeleted",
      });
    case "SUBMIT":
      return respond(await submitCourse(actor, courseId, form.data), { ...sent, flash: "course.notices.SUBMIT" });
    default: {
      const { intent, revision, reason } = form.data;
      return respond(await decide(CourseSubject, { subjectId: courseId, action: intent, revision, reason, actor }), {
        ...sent,
        flash: `course.notices.${intent}`,
      });
    }
  }
}

export default function CoursePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const { course, item, plan, editable, canDraft } = page;
  const actionData = useActionData<typeof action>();
  const feedback = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  // Refusals of removals and of decisions show above the page, where the workflow's buttons are.
  const pageError =
    actionData && !["addSession", "addAttendees", "saveBatches", UPLOAD].includes(actionData.intent ?? "")
      ? decisionError(actionData.errors)
      : undefined;
  const uploadErrors = feedback(UPLOAD)?.errors;
  const canEdit = editable && canDraft;
  // Over budget or with clashes, submitting asks for an acknowledgement and its reason (its own form).
  const acknowledging = page.actions.includes("SUBMIT") && page.concerns.length > 0;
  // After each change the page is reloaded by a redirect: the forms start empty again (they are uncontrolled).
  const fresh = useLocation().key;
  // The batch selects of the session and attendee rows belong to the batches form; refused, they keep what was chosen.
  const batching = { count: page.batches.count, values: feedback("saveBatches")?.values };
  const rejectionParams =
    page.rejection &&
    JSON.stringify({
      revision: page.rejection.revision,
      name: page.rejection.actorName,
      reason: page.rejection.reason,
    });
  return (
    <div className="space-y-5">
      <Link to={`/monthly-plans/${plan.id}`} className="btn-link">
        ← {plan.title}
      </Link>
      {course.state === "APPROVED" ? <DeliveryTabs courseId={course.id} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("course.formName")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="page-title">{course.title}</h1>
            <ApprovalBadge state={course.state} revision={course.revision} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/courses/${course.id}/print`} className="btn-secondary">
            {t("plan.print")}
          </a>
          <a href={`/courses/${course.id}/export`} className="btn-secondary">
            {t("plan.export")}
          </a>
          {canEdit ? (
            <Link to="edit" className="btn-secondary">
              {t("course.edit")}
            </Link>
          ) : null}
        </div>
      </div>
      {course.state === "APPROVED" ? <FormAlert tone="info" message="course.lockedNotice" /> : null}
      {page.diff ? (
        <CourseDiff title={course.title} changes={page.diff.changes} rejection={page.diff.rejection} />
      ) : page.rejection ? (
        <FormAlert tone="info" message={`course.rejected::${rejectionParams}`} />
      ) : null}
      {page.acknowledgement && course.state !== "DRAFT" ? <AcknowledgementNotice ack={page.acknowledgement} /> : null}
      <ApprovalPanel
        state={course.state}
        revision={course.revision}
        actions={acknowledging ? page.actions.filter((a) => a !== "SUBMIT") : page.actions}
        error={acknowledging && actionData?.intent === "SUBMIT" ? undefined : pageError}
      />
      {acknowledging ? (
        <AcknowledgedSubmit
          concerns={page.concerns}
          revision={course.revision}
          errors={feedback("SUBMIT")?.errors}
          values={feedback("SUBMIT")?.values}
        />
      ) : null}
      <ClashPanel clashes={page.clashes} />
      <CourseDetails course={course} item={item} month={yearMonth(plan.year, plan.month)} />
      <TaughtRulesPanel rules={page.taught.rules} quiz={page.taught.quiz} />
      <BudgetPanel budget={page.budget} />
      <Sessions
        key={`s-${fresh}`}
        sessions={page.sessions}
        rooms={page.rooms}
        outside={heldOutside(item.category)}
        editable={canEdit}
        feedback={feedback("addSession")}
        batching={batching}
      />
      {canEdit || page.batches.count > 1 ? (
        <BatchesPanel key={`b-${fresh}`} batches={page.batches} editable={canEdit} feedback={feedback("saveBatches")} />
      ) : null}
      <Attendees
        key={`a-${fresh}`}
        attendees={page.attendees}
        count={page.attendeeCount}
        capacity={course.capacity}
        scoped={page.scoped}
        editable={canEdit}
        options={page.options}
        feedback={feedback("addAttendees")}
        batching={batching}
      />
      <Materials
        key={`m-${fresh}`}
        courseId={course.id}
        materials={page.materials}
        editable={canEdit}
        error={uploadErrors?.file ?? uploadErrors?._form}
      />
      <DecisionHistory decisions={page.decisions} />
    </div>
  );
}
