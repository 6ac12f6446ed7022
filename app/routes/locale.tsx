import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { setPersonLocale } from "~/domain/people/set-locale.server";
import { getCurrentUser } from "~/utils/auth.server";
import { LOCALES } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { invalid } from "~/utils/route.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { parseForm } from "~/utils/validation";

const LocaleSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(LocaleSchema, await request.formData());
  if (!form.ok) return invalid(form);
  const user = await getCurrentUser(request);
  if (user) await setPersonLocale(user.id, form.data.locale);
  return redirect(safeRedirect(form.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(form.data.locale) },
  });
}
