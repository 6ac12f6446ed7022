// A one-time message for the next page (Epic Stack's redirectWithToast): set by an action on its
// redirect, read and cleared by the _app layout's loader, shown once by the layout. It lives in a
// signed cookie, never in the URL, so a reload or a shared link shows nothing stale.
import { randomBytes, randomUUID } from "node:crypto";

import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";

export const FLASH_TONES = ["success", "info", "error"] as const;

const FlashSchema = z.object({ id: z.string(), tone: z.enum(FLASH_TONES), message: z.string().min(1).max(2000) });

/** `message` is a catalog key, with parameters if any (`messageKey(key, params)`). */
export type Flash = z.output<typeof FlashSchema>;
/** A message key (success), or a message with its tone. */
export type FlashInput = string | { message: string; tone?: Flash["tone"] };

// COOKIE_SECRET signs the cookie (several, comma-separated, to rotate: the first signs, all verify).
// Without it each process makes one at start; server/main.ts hands the primary's to its workers.
function cookieSecrets(): string[] {
  const configured = (process.env.COOKIE_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return configured.length > 0 ? configured : [randomBytes(32).toString("base64url")];
}

const FLASH_COOKIE = "tg_flash";
// Read on the very next page; a message nobody picked up within a minute is dropped.
const flashCookie = createCookie(FLASH_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60,
  secrets: cookieSecrets(),
});

function combineHeaders(...all: Array<HeadersInit | null | undefined>): Headers {
  const combined = new Headers();
  for (const headers of all)
    if (headers) for (const [name, value] of new Headers(headers).entries()) combined.append(name, value);
  return combined;
}

export function toFlash(input: FlashInput): Flash {
  const { message, tone = "success" } = typeof input === "string" ? { message: input } : input;
  return { id: randomUUID(), tone, message };
}

/** The Set-Cookie header that carries a flash to the next page. */
export async function flashHeaders(input: FlashInput): Promise<Headers> {
  return new Headers({ "Set-Cookie": await flashCookie.serialize(toFlash(input)) });
}

export async function redirectWithFlash(url: string, input: FlashInput, init?: ResponseInit) {
  return redirect(url, { ...init, headers: combineHeaders(init?.headers, await flashHeaders(input)) });
}

/** The flash the request carries (null if none, or if it was tampered with), and the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; headers: Headers | undefined }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie || !new RegExp(`(^|;\\s*)${FLASH_COOKIE}=`).test(cookie)) return { flash: null, headers: undefined };
  const parsed = FlashSchema.safeParse(await flashCookie.parse(cookie));
  return {
    flash: parsed.success ? parsed.data : null,
    headers: new Headers({ "Set-Cookie": await flashCookie.serialize("", { maxAge: 0 }) }),
  };
}
