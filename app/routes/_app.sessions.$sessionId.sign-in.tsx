import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { signInSession } from "~/domain/delivery/sign-in-sheet-queries.server";
import { sheetDateTime } from "~/domain/delivery/sign-in-sheet-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { requireUser } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// The page the sign-in sheet's QR code opens. Any signed-in person may open it: it shows only the
// course, time and place. Signing in by scan is attendance's part (011); until then it says so.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, z.object({ sessionId: Id }));
  await requireUser(request);
  const session = await signInSession(sessionId, (await getSettings()).timeZone);
  invariantResponse(session, "Not found", { status: 404 });
  return { session };
}

export default function SessionSignInPage() {
  const { t } = useTranslation();
  const { session } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="page-title">{t("sessionDay.signIn.title")}</h1>
      <div className="card space-y-2 p-4">
        <p className="text-base font-semibold text-slate-900">{session.title}</p>
        <p className="text-sm text-slate-600">
          {t("sessionDay.fields.time")}
          {t("training.colon")}
          {sheetDateTime(t, session)}
        </p>
        <p className="text-sm text-slate-600">
          {t("sessionDay.fields.place")}
          {t("training.colon")}
          {session.location}
        </p>
      </div>
      <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
        {session.cancelled ? t("sessionDay.signIn.cancelled") : t("sessionDay.signIn.notYet")}
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
