import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { decisionError, DecisionHistory } from "~/components/approval-panel";
import { FormAlert } from "~/components/form";
import { LeaveDecisionPanel } from "~/components/leave/leave-decision";
import { LeaveForm } from "~/components/leave/leave-form";
import { leaveStatus, LeaveStatusBadge, SessionTime } from "~/components/leave/leave-parts";
import { useFormat } from "~/components/use-format";
import { reviseLeave } from "~/domain/leave/file-leave.server";
import { leaveGate } from "~/domain/leave/leave-access";
import { leavePage, leaveViewer } from "~/domain/leave/leave-queries.server";
import { MAX_ATTACHMENT_BYTES } from "~/domain/leave/leave-rules";
import { LeaveSubject } from "~/domain/leave/leave-subject.server";
import { LeaveRevisionSchema } from "~/domain/leave/leave.schema";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond, type FormFailure } from "~/utils/route.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { messageKey, parseIntent } from "~/utils/validation";
import { permissionFor } from "~/workflow/approval-rules";
import { DecisionSchema } from "~/workflow/approval.schema";
import { decide } from "~/workflow/approval.server";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const Params = z.object({ leaveId: Id });

// The form as the requester, a head above them or a training clerk sees it; to anyone else it does not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { leaveId } = getParams(params, Params);
  const { user } = await requirePermission(request, leaveGate((await requireUser(request)).roles));
  const page = await leavePage(leaveId, await leaveViewer(user));
  invariantResponse(page, "Not found", { status: 404 });
  return page;
}

// The workflow's decisions, and the requester's revision of a form sent back (multipart: it may carry a new file).
const LeaveIntent = z.discriminatedUnion("intent", [DecisionSchema, LeaveRevisionSchema]);

async function readForm(
  request: Request,
): Promise<{ ok: true; form: FormData } | { ok: false; failure: ReturnType<typeof data<FormFailure>> }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { ok: true, form: await request.formData() };
  const upload = await readMultipart(request, { maxFileBytes: MAX_ATTACHMENT_BYTES });
  if (upload.ok) return upload;
  const tooLarge = upload.reason === "tooLarge";
  return {
    ok: false,
    failure: data<FormFailure>(
      {
        intent: "revise",
        errors: { attachment: tooLarge ? "leave.attachment.tooLarge" : "leave.attachment.unreadable" },
        values: {},
      },
      { status: tooLarge ? 413 : 400 },
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { leaveId } = getParams(params, Params);
  // Nobody without a leave permission gets a byte of their body read.
  await requireActor(request, leaveGate((await requireUser(request)).roles));
  const read = await readForm(request);
  if (!read.ok) return read.failure;
  const form = parseIntent(read.form, LeaveIntent);
  if (!form.ok) return invalid(form);
  const done = { form, redirectTo: `/leave/${leaveId}` };
  if (form.data.intent === "revise") {
    const { actor } = await requireActor(request, "request:leave");
    const revised = await reviseLeave(actor, leaveId, form.data, await uploadedFile(read.form, "attachment"));
    return respond(revised, { ...done, flash: "leave.notices.revised" });
  }
  // Deciding needs approve:leave, withdrawing request:leave; then the subject says whose form it is and which
  // heads decide it (anyone else: 403, nothing recorded).
  const { intent, revision, reason } = form.data;
  const { actor } = await requireActor(request, permissionFor(LeaveSubject.policy, intent));
  const outcome = await decide(LeaveSubject, { subjectId: leaveId, action: intent, revision, reason, actor });
  return respond(outcome, { ...done, flash: `leave.notices.${intent}` });
}

export default function LeavePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { leave, person, session } = page;
  const revising = actionData?.intent === "revise" ? actionData : undefined;
  const decisionProblem = actionData && !revising ? decisionError(actionData.errors) : undefined;
  const status = leaveStatus({ ...leave, lastDecision: page.rejection ? { action: "REJECT" } : null });
  const note =
    leave.state === "SUBMITTED"
      ? page.own
        ? "leave.detail.waitingHead"
        : "leave.detail.waitingOther"
      : leave.state === "APPROVED"
        ? "leave.detail.approved"
        : session.started
          ? "leave.detail.startedDraft"
          : "leave.detail.draft";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/leave" className="btn-link">
        ← {t("leave.title")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <div>
          <p className="text-sm text-slate-500">{t("leave.formName")}</p>
          <h1 className="page-title">
            {person.name} · {session.courseTitle}
          </h1>
        </div>
        <LeaveStatusBadge status={status} />
      </div>
      {/* Sent back: the head's reason says it all; otherwise a line on what happens next. */}
      {page.rejection && leave.state === "DRAFT" && !session.started ? null : <FormAlert tone="info" message={note} />}
      {page.own && leave.state === "APPROVED" ? (
        <Link to="/my-make-ups" className="btn-secondary">
          {t("leave.detail.makeUp")}
        </Link>
      ) : null}
      {page.rejection && leave.state === "DRAFT" ? (
        <FormAlert
          tone="error"
          message={messageKey("leave.detail.rejectedBecause", {
            name: page.rejection.actorName,
            reason: page.rejection.reason ?? "",
          })}
        />
      ) : null}
      <section className="card p-4 sm:p-5">
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-sm text-slate-500">{t("leave.detail.requester")}</dt>
          <dd>
            {person.name} <span className="font-mono text-xs text-slate-500">{person.employeeNo}</span>
            <span className="text-slate-500"> · {person.department}</span>
          </dd>
          <dt className="text-sm text-slate-500">{t("leave.detail.course")}</dt>
          <dd className="font-medium">
            {/* The requester's own notice of the course (time, place, what to bring, the other sessions). */}
            {page.own ? (
              <Link to={`/my-training/${session.courseId}`} className="text-brand-700 hover:underline">
                {session.courseTitle}
              </Link>
            ) : (
              session.courseTitle
            )}
          </dd>
          <dt className="text-sm text-slate-500">{t("leave.detail.time")}</dt>
          <dd>
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
          </dd>
          <dt className="text-sm text-slate-500">{t("leave.detail.location")}</dt>
          <dd>{session.location}</dd>
          <dt className="text-sm text-slate-500">{t("leave.detail.reason")}</dt>
          <dd>
            <span className="badge mr-2 bg-slate-100 text-slate-700">{t(`leave.reasons.${leave.reasonKind}`)}</span>
            <span className="whitespace-pre-line">{leave.reasonText}</span>
          </dd>
          <dt className="text-sm text-slate-500">{t("leave.detail.attachment")}</dt>
          <dd>
            {leave.attachment ? (
              <a href={`/leave/${leave.id}/attachment`} className="btn-link" target="_blank" rel="noreferrer">
                {t("leave.detail.open")}（{leave.attachment.name}）
              </a>
            ) : (
              <span className="text-sm text-slate-500">{t("leave.detail.noAttachment")}</span>
            )}
          </dd>
        </dl>
        {leave.state === "APPROVED" ? (
          <p className="mt-3 border-t border-slate-100 pt-3 text-sm text-slate-600">
            {leave.acknowledgedAt
              ? t("leave.detail.acknowledgedBy", {
                  name: leave.acknowledgedBy ?? "",
                  at: fmt.dateTime(leave.acknowledgedAt),
                })
              : t("leave.detail.notAcknowledged")}
          </p>
        ) : null}
        {page.canAcknowledge ? (
          <Form method="post" action="/leave?index" className="mt-3">
            <input type="hidden" name="intent" value="acknowledge" />
            <input type="hidden" name="leaveId" value={leave.id} />
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
              {t("leave.acknowledge")}
            </button>
          </Form>
        ) : null}
      </section>
      <LeaveDecisionPanel revision={leave.revision} actions={page.actions} error={decisionProblem} />
      {page.canRevise ? (
        <section className="card space-y-3 p-4 sm:p-5">
          <h2 className="font-semibold">{t("leave.resubmit")}</h2>
          <LeaveForm
            schema={LeaveRevisionSchema}
            hidden={{ intent: "revise", revision: leave.revision }}
            defaults={revising?.values ?? { reasonKind: leave.reasonKind, reasonText: leave.reasonText }}
            errors={revising?.errors}
            submitLabel={t("leave.resubmit")}
            keptAttachment={leave.attachment?.name}
          />
        </section>
      ) : null}
      <DecisionHistory decisions={page.decisions} />
    </div>
  );
}
