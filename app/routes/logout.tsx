import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { logout } from "~/domain/auth/logout.server";
import { getCurrentUser } from "~/utils/auth.server";
import { actorOf } from "~/utils/route.server";
import { clearSessionCookieHeader, readSessionToken } from "~/utils/session.server";

export async function loader() {
  // Logging out changes state, so it is never a GET.
  return redirect("/home");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  await logout(await readSessionToken(request), user ? actorOf(user) : null);
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookieHeader(request) } });
}
