import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { SignInResult, type SignInView } from "~/components/attendance/sign-in-result";
import { ownSignIn, signInByScan, ticketForScan } from "~/domain/attendance/sign-in-scan.server";
import { signInSession } from "~/domain/delivery/sign-in-sheet-queries.server";
import { getSettings } from "~/domain/settings/settings.server";
import { getCurrentUser, requireUser } from "~/utils/auth.server";
import { getParams, Id, invariantResponse } from "~/utils/params";

// Where a phone lands after scanning: with the projector's code (or the ticket a scan before logging in
// became), the logged-in person is signed in, and no one else: nothing in the address names a person.
// Recording on GET is deliberate (opening the code's address is the sign-in): the code lives 20 seconds
// and counts only for whoever is logged in. Success redirects to the plain page, so a reload does not scan
// again. Without a code (the printed sheet's QR), the page says to scan the projector.
const Scan = z.object({
  code: z.string().max(64).optional(),
  ticket: z.string().max(64).optional(),
  done: z.string().optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} · TrainGate` : "TrainGate" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { sessionId } = getParams(params, z.object({ sessionId: Id }));
  const url = new URL(request.url);
  const query = Scan.safeParse(Object.fromEntries(url.searchParams));
  const { code, ticket, done } = query.success ? query.data : {};
  const here = `/sessions/${encodeURIComponent(sessionId)}/sign-in`;
  if ((code || ticket) && !(await getCurrentUser(request))) {
    // The code may expire while they log in: a valid scan is carried through the login page as a ticket.
    const carried = code ? await ticketForScan(sessionId, code) : null;
    const back = carried ? `${here}?${new URLSearchParams({ ticket: carried })}` : url.pathname + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  const user = await requireUser(request);
  const { timeZone } = await getSettings();
  const session = await signInSession(sessionId, timeZone);
  invariantResponse(session, "Not found", { status: 404 });
  if (code || ticket) {
    const outcome = await signInByScan({
      sessionId,
      person: { id: user.id, employeeNo: user.employeeNo },
      proof: code ? { code } : { ticket: ticket! },
      address: context?.clientAddress,
    });
    if (outcome.ok) throw redirect(`${here}?done=1`);
    invariantResponse(outcome.status !== 404, "Not found", { status: 404 });
    const mine = await ownSignIn(sessionId, user.id, timeZone);
    return data<SignInView>(
      { session, refusal: outcome.error, mine: mine && { ...mine, fresh: false } },
      { status: outcome.status },
    );
  }
  const mine = await ownSignIn(sessionId, user.id, timeZone);
  return data<SignInView>({ session, refusal: null, mine: mine && { ...mine, fresh: done === "1" } });
}

export default function SessionSignInPage() {
  const view = useLoaderData<typeof loader>();
  return <SignInResult view={view} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
