import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/domain/auth/auth.schema";
import { setPersonLocale } from "~/domain/people/set-locale.server";
import { getCurrentUser } from "~/utils/auth.server";
import { LOCALES } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";

const LocaleSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LocaleSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "validation.invalidChoice" }, { status: 400 });
  const user = await getCurrentUser(request);
  if (user) await setPersonLocale(user.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
