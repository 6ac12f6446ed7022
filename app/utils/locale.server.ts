import { createCookie } from "@remix-run/node";

import { DEFAULT_LOCALE, toLocale, type Locale } from "./i18n";

// Anonymous visitors keep their choice in a cookie; signed-in people in their profile.
export const localeCookie = createCookie("tg_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
});

export async function resolveLocale(request: Request, personLocale?: string | null): Promise<Locale> {
  const fromPerson = toLocale(personLocale);
  if (fromPerson) return fromPerson;
  const fromCookie = toLocale(await localeCookie.parse(request.headers.get("Cookie")));
  return fromCookie ?? DEFAULT_LOCALE;
}
