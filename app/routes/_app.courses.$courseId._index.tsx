import {
  data, redirect,
  type ActionFunctionArgs, type LoaderFunctionArgs,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { readMultipart } from "~/utils/upload.server";
import { ApprovalBadge, ApprovalPanel, DecisionHistory } from "~/components/approval-panel";
import { CourseDiff } from "~/components/course/course-diff";
import { Attendees, Materials, Sessions } from "~/components/course/course-parts";
import { BudgetPanel, ClashPanel, CourseDetails } from "~/components/course/course-summary";
import { FormAlert } from "~/components/form";
import { AttendeesSchema, SessionSchema } from "~/domain/course/course.schema";
import { addAttendees, addMaterial, addSession, deleteMaterial, deleteSession, removeAttendee } from "~/domain/course/course-parts.server";
import type { CourseOutcome } from "~/domain/course/course.server";
import { attendeeOptions, coursePage } from "~/domain/course/course-page.server";
import { CourseSubject } from "~/domain/course/course-subject.server";
import { MAX_MATERIAL_BYTES } from "~/domain/course/material-rules";
import { yearMonth } from "~/domain/monthly-plan/monthly-plan-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { departmentIdsInScope, requirePermission, requireUser } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { parseForm, type FieldErrors } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "read:course");
  const page = await coursePage(params.courseId!, auth.user.roles, await departmentIdsInScope(auth), (await getSettings()).timeZone);
  if (!page) throw new Response("Not found", { status: 404 });
  const canDraft = can(auth.user.roles, "draft:course");
  return { ...page, canDraft, options: canDraft && page.editable ? await attendeeOptions() : { departments: [], posts: [] } };
}

type Answer = { form: "session" | "attendees" | "material" | "decision"; errors?: FieldErrors; values?: Record<string, string>; error?: string };
const answer = (body: Answer, status: number) => data(body, { status });

// Multipart bodies are read with a 10 MB limit per part, so an oversized file is refused without being kept.
async function readForm(request: Request): Promise<{ formData: FormData | null; uploadError?: string }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { formData: await request.formData() };
  const upload = await readMultipart(request, MAX_MATERIAL_BYTES);
  if (upload.ok) return { formData: upload.form };
  return { formData: null, uploadError: upload.reason === "tooLarge" ? "course.material.tooLarge" : "course.material.uploadFailed" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const courseId = params.courseId!;
  // Anonymous visitors go to the login page before their body is read.
  await requireUser(request);
  const { formData, uploadError } = await readForm(request);
  const file = formData?.get("file");
  const uploading = Boolean(uploadError) || file instanceof File;
  const intent = String(formData?.get("intent") ?? "");
  // Approving and rejecting are the training manager's; everything else (withdrawing too) the clerk's.
  const { user } = await requirePermission(request, permissionFor(CourseSubject.policy, intent));
  const actor = { id: user.id, employeeNo: user.employeeNo };
  if (uploading || !formData) {
    if (uploadError || !(file instanceof File) || (file.size === 0 && !file.name)) return answer({ form: "material", error: uploadError ?? "course.material.noFile" }, 400);
    const outcome = await addMaterial(actor, courseId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!outcome.ok) return answer({ form: "material", error: outcome.error }, outcome.status);
    return redirect(`/courses/${courseId}?notice=materialUploaded`);
  }
  const done = (notice: string) => redirect(`/courses/${courseId}?notice=${notice}`);
  // Adding a session or attendees: the part's form is parsed and saved, or answered with its errors.
  const add = async <S extends z.ZodType>(form: "session" | "attendees", schema: S, save: (input: z.output<S>) => Promise<CourseOutcome>, notice: string) => {
    const parsed = parseForm(schema, formData);
    const values = parsed.values as Record<string, string>;
    if (!parsed.ok) return answer({ form, errors: parsed.errors, values }, 400);
    const outcome = await save(parsed.data);
    if (!outcome.ok) return answer({ form, errors: { [outcome.field ?? "_form"]: outcome.error }, values }, outcome.status);
    return done(notice);
  };
  if (intent === "addSession") return add("session", SessionSchema, async (input) => addSession(actor, courseId, input, (await getSettings()).timeZone), "sessionAdded");
  if (intent === "addAttendees") return add("attendees", AttendeesSchema, (input) => addAttendees(actor, courseId, input), "attendeesAdded");
  const removals = {
    deleteSession: () => deleteSession(actor, courseId, String(formData.get("sessionId") ?? "")),
    removeAttendee: () => removeAttendee(actor, courseId, String(formData.get("personId") ?? "")),
    deleteMaterial: () => deleteMaterial(actor, courseId, String(formData.get("materialId") ?? "")),
  } as const;
  if (intent in removals) {
    const outcome = await removals[intent as keyof typeof removals]();
    if (!outcome.ok) return answer({ form: "decision", error: outcome.error }, outcome.status);
    return done({ deleteSession: "sessionDeleted", removeAttendee: "attendeeRemoved", deleteMaterial: "materialDeleted" }[intent as keyof typeof removals]);
  }
  const parsed = parseForm(DecisionSchema, formData);
  if (!parsed.ok) return answer({ form: "decision", error: parsed.errors.reason ?? "validation.invalid" }, 400);
  const outcome = await decide(CourseSubject, { subjectId: courseId, action: parsed.data.intent, revision: parsed.data.revision, reason: parsed.data.reason, actor: user });
  if (!outcome.ok && outcome.status === 404) throw new Response("Not found", { status: 404 });
  if (!outcome.ok) return answer({ form: "decision", error: outcome.error }, outcome.status);
  return done(parsed.data.intent);
}

export default function CoursePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const { course, item, plan, editable, canDraft } = page;
  const actionData = useActionData<typeof action>() as Answer | undefined;
  const notice = useSearchParams()[0].get("notice");
  const feedback = (form: Answer["form"]) => (actionData?.form === form ? actionData : undefined);
  const canEdit = editable && canDraft;
  // After each change the page is reloaded by a redirect: the forms start empty again (they are uncontrolled).
  const fresh = useLocation().key;
  return (
    <div className="space-y-5">
      <Link to={`/monthly-plans/${plan.id}`} className="btn-link">← {plan.title}</Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("course.formName")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="page-title">{course.title}</h1>
            <ApprovalBadge state={course.state} revision={course.revision} />
          </div>
        </div>
        {canEdit ? <Link to="edit" className="btn-secondary">{t("course.edit")}</Link> : null}
      </div>
      {notice ? <FormAlert tone="success" message={`course.notices.${notice}`} /> : null}
      {course.state === "APPROVED" ? <FormAlert tone="info" message="course.lockedNotice" /> : null}
      {page.diff ? <CourseDiff title={course.title} changes={page.diff.changes} rejection={page.diff.rejection} /> : page.rejection ? <FormAlert tone="info" message={`course.rejected::${JSON.stringify({ revision: page.rejection.revision, name: page.rejection.actorName, reason: page.rejection.reason })}`} /> : null}
      <ApprovalPanel state={course.state} revision={course.revision} actions={page.actions} error={feedback("decision")?.error} />
      <ClashPanel clashes={page.clashes} />
      <CourseDetails course={course} item={item} month={yearMonth(plan.year, plan.month)} />
      <BudgetPanel budget={page.budget} />
      <Sessions key={`s-${fresh}`} sessions={page.sessions} editable={canEdit} feedback={feedback("session")} />
      <Attendees key={`a-${fresh}`} attendees={page.attendees} count={page.attendeeCount} capacity={course.capacity} scoped={page.scoped} editable={canEdit} options={page.options} feedback={feedback("attendees")} />
      <Materials key={`m-${fresh}`} courseId={course.id} materials={page.materials} editable={canEdit} error={feedback("material")?.error} />
      <DecisionHistory decisions={page.decisions} />
    </div>
  );
}
