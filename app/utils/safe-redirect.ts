// Pure: where a redirect may go when its target came from the request (a login link's redirectTo,
// the language switch's return path). Only a path on this site; anything else goes to `fallback`.
const INTERNAL = "http://internal.invalid";

// Browsers drop tabs and newlines anywhere in a URL and read "\" as "/": "/\t/evil.example" and
// "/\evil.example" look like paths here but take the browser to evil.example. Such a target is refused
// rather than cleaned up; a real link of ours never contains them.
const isUnsafe = (text: string) => [...text].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\");

export function safeRedirect(target: unknown, fallback = "/home"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || isUnsafe(target))
    return fallback;
  let url: URL;
  try {
    url = new URL(target, INTERNAL);
  } catch {
    return fallback;
  }
  if (url.origin !== INTERNAL) return fallback;
  // The URL parser resolves dot segments: "/a/..//evil.example" becomes "//evil.example", which a
  // browser would read as another host.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
