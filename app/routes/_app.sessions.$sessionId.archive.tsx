import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { SessionArchivePage } from "~/components/archive/session-archive";
import { amendRecord } from "~/domain/archive/amend-record.server";
import { archivePage } from "~/domain/archive/archive-queries.server";
import { MAX_SCAN_BYTES } from "~/domain/archive/archive-rules";
import { ArchiveIntent } from "~/domain/archive/archive.schema";
import { closeRoster } from "~/domain/archive/close-roster.server";
import { uploadScan } from "~/domain/archive/upload-scan.server";
import { getSettings } from "~/domain/settings/settings.server";
import { now } from "~/utils/clock.server";
import { getParams, Id, invariantResponse } from "~/utils/params";
import { invalid, requireActor, respond, type FormFailure } from "~/utils/route.server";
import { readMultipart, uploadedFile } from "~/utils/upload.server";
import { messageKey, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// One session in the archive (step 012): the roster and what each record will say; closing it; scans of the
// paper sheet; amendments of the records once closed.
const Params = z.object({ sessionId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  await requireActor(request, "close:roster");
  const page = await archivePage(sessionId, now(), (await getSettings()).timeZone);
  invariantResponse(page, "Not found", { status: 404 });
  return { page };
}

const SCAN = "uploadScan";

export async function action({ request, params }: ActionFunctionArgs) {
  const { sessionId } = getParams(params, Params);
  // Before the body is read: someone who may not do anything here never has a byte of their file read.
  const { actor } = await requireActor(request, "close:roster");
  const here = `/sessions/${sessionId}/archive`;
  // Every form of the page may come as multipart (the scan's does); the body is counted while it streams.
  const read = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
    ? await readMultipart(request, { maxFileBytes: MAX_SCAN_BYTES })
    : { ok: true as const, form: await request.formData() };
  if (!read.ok)
    return invalid({
      intent: SCAN,
      errors: { file: read.reason === "tooLarge" ? "archive.scan.tooLarge" : "archive.scan.unreadable" },
      values: {},
    });
  if (read.form.get("intent") === SCAN)
    return respond(await uploadScan(actor, sessionId, await uploadedFile(read.form, "file")), {
      form: { intent: SCAN, values: {} },
      redirectTo: here,
      flash: "archive.notices.scanUploaded",
    });
  const form = parseIntent(read.form, ArchiveIntent);
  if (!form.ok) return invalid(form);
  if (form.data.intent === "close")
    return respond(await closeRoster(actor, sessionId, { unmarkedAsAbsent: form.data.unmarkedAsAbsent === "on" }), {
      form,
      redirectTo: here,
      flash: ({ records }) => messageKey("archive.notices.closed", { count: records }),
    });
  return respond(await amendRecord(actor, sessionId, form.data), {
    form,
    redirectTo: here,
    flash: "archive.notices.amended",
  });
}

export default function SessionArchiveRoute() {
  const { page } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return <SessionArchivePage page={page} failure={failure ?? null} />;
}
