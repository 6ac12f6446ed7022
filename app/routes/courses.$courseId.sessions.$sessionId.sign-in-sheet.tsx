import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";

import { SignInSheetPage } from "~/components/delivery/sign-in-sheet";
import { signInSheet } from "~/domain/delivery/sign-in-sheet-queries.server";
import { signInUrl } from "~/domain/delivery/sign-in-sheet-rules";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// Outside the signed-in layout on purpose: the page is the paper form, nothing else. Read by whoever
// reads every course (the clerk who prints it, the training manager, the leaders); a department head
// reads only courses of their people and gets no sheets (404).
const SheetParams = z.object({ courseId: Id, sessionId: Id });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.sheet.course.title} · ${data.sheet.session.date}` : "TrainGate" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { courseId, sessionId } = getParams(params, SheetParams);
  const auth = await requirePermission(request, "read:course");
  invariantResponse(auth.scope === "any", "Not found", { status: 404 });
  const { timeZone, companyName } = await getSettings();
  const sheet = await signInSheet(courseId, sessionId, timeZone);
  invariantResponse(sheet, "Not found", { status: 404 });
  // The request's origin as the server resolved it ("trust proxy" decides forwarded headers).
  const url = signInUrl(new URL(request.url).origin, sessionId);
  const qrSvg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { sheet: { ...sheet, companyName, qrSvg, signInUrl: url } };
}

export default function SignInSheetRoute() {
  const { sheet } = useLoaderData<typeof loader>();
  return (
    <SignInSheetPage
      sheet={sheet}
      xlsxHref={`/courses/${sheet.course.id}/sessions/${sheet.session.id}/sign-in-sheet.xlsx`}
    />
  );
}
