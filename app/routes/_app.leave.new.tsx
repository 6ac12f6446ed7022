import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";
import { LeaveForm } from "~/components/leave/leave-form";
import { SessionTime } from "~/components/leave/leave-parts";
import { fileLeave } from "~/domain/leave/file-leave.server";
import { filingChoice } from "~/domain/leave/leave-queries.server";
import { MAX_ATTACHMENT_BYTES } from "~/domain/leave/leave-rules";
import { LeaveFormSchema } from "~/domain/leave/leave.schema";
import { requirePermission } from "~/utils/auth.server";
import { Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond, type FormFailure } from "~/utils/route.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { formValues, parseForm } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The form for one session (`?sessionId=`, from the notice page), or the trainee's upcoming sessions to pick.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "request:leave");
  const asked = new URL(request.url).searchParams.get("sessionId");
  const sessionId = asked === null ? null : Id.safeParse(asked).data;
  invariantResponse(sessionId !== undefined, "Not found", { status: 404 });
  const choice = await filingChoice(user.id, sessionId);
  invariantResponse(choice, "Not found", { status: 404 });
  return choice;
}

/** The body, read only after the permission check and counted as it streams: an oversized file is never kept. */
async function readForm(request: Request) {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { ok: true as const, form: await request.formData() };
  const upload = await readMultipart(request, { maxFileBytes: MAX_ATTACHMENT_BYTES });
  if (upload.ok) return upload;
  const tooLarge = upload.reason === "tooLarge";
  return {
    ok: false as const,
    failure: data<FormFailure>(
      {
        intent: null,
        errors: { attachment: tooLarge ? "leave.attachment.tooLarge" : "leave.attachment.unreadable" },
        values: {},
      },
      { status: tooLarge ? 413 : 400 },
    ),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // The person is the one signed in: a personId or employeeNo in the body is never read.
  const { actor } = await requireActor(request, "request:leave");
  const read = await readForm(request);
  if (!read.ok) return read.failure;
  const form = parseForm(LeaveFormSchema, read.form);
  if (!form.ok) return invalid(form);
  const values = formValues(read.form);
  return respond(await fileLeave(actor, form.data, await uploadedFile(read.form, "attachment")), {
    form: { values },
    redirectTo: (filed) => `/leave/${filed.id}`,
    flash: "leave.notices.filed",
  });
}

export default function NewLeave() {
  const { t } = useTranslation();
  const { session, upcoming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/leave" className="btn-link">
        ← {t("leave.title")}
      </Link>
      <h1 className="page-title">{t("leave.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("leave.intro")}</p>
      {session ? (
        <section className="card space-y-4 p-4 sm:p-5">
          <div>
            <p className="text-sm text-slate-500">{t("leave.fields.session")}</p>
            <p className="font-medium">{session.courseTitle}</p>
            <p className="text-sm text-slate-700">
              <SessionTime {...session} />
            </p>
          </div>
          {session.filedId ? (
            <Link to={`/leave/${session.filedId}`} className="btn-secondary">
              {t("leave.viewForm")}
            </Link>
          ) : session.started ? (
            <FormAlert message="leave.sessionStarted" />
          ) : (
            <LeaveForm
              schema={LeaveFormSchema}
              hidden={{ sessionId: session.id }}
              defaults={actionData?.values ?? { reasonKind: "ILLNESS" }}
              errors={actionData?.errors}
              submitLabel={t("leave.submit")}
            />
          )}
        </section>
      ) : (
        <section className="card p-4 sm:p-5">
          <p className="mb-3 text-sm font-medium">{t("leave.pickSession")}</p>
          {upcoming.length === 0 ? (
            <p className="text-sm text-slate-500">{t("leave.noUpcoming")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {upcoming.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">{s.courseTitle}</p>
                    <p className="text-sm text-slate-600">
                      <SessionTime {...s} />
                    </p>
                  </div>
                  {s.filedId ? (
                    <Link to={`/leave/${s.filedId}`} className="btn-link">
                      {t("leave.viewForm")}
                    </Link>
                  ) : (
                    <Link to={`/leave/new?sessionId=${s.id}`} className="btn-secondary">
                      {t("leave.ask")}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
