import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { getCurrentUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return redirect((await getCurrentUser(request)) ? "/home" : "/login");
}
