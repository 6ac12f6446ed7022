// Remix's route discovery (`GET /__manifest?p=<path>&version=<build>`, ADR 0010) matches the path and each of
// its prefixes against every route, flattening and ranking the whole route tree on each of those calls: 1–4 ms
// of CPU per request, and a browser asks again for every new URL of a route with a parameter (every quiz
// attempt, person, course …). The answer depends only on the build and on which of the path's segments are some
// route's literal segment: a parameter or a splat matches any segment, so two paths that agree on the literal
// segments match the same routes. Answers are kept per build version and path shape; anything unusual (encoded
// or dotted segments, other parameters) goes to Remix as before.

export type CachedAnswer = { status: number; headers: Array<[string, string]>; body: Buffer };

const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;
const PARAMETER = "\u0000";

/** Every literal segment of the routes' paths, lower-cased (Remix matches them case-insensitively). */
export function literalSegments(routes: Record<string, { path?: string } | undefined>): Set<string> {
  const literals = new Set<string>();
  for (const route of Object.values(routes))
    for (const segment of route?.path?.split("/") ?? []) {
      if (!segment || segment.startsWith(":") || segment.startsWith("*")) continue;
      literals.add(segment.replace(/\?$/, "").toLowerCase());
    }
  return literals;
}

/**
 * The cache key of a discovery request's query string, or null when it is not one to keep: exactly one `p`
 * (an absolute path of plain segments) and one `version`.
 */
export function manifestKey(query: string, literals: ReadonlySet<string>): string | null {
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length !== 2 || !params.has("p") || !params.has("version")) return null;
  const path = params.get("p")!;
  if (!path.startsWith("/") || path.length > 512) return null;
  const segments = path.slice(1).split("/");
  if (!segments.every((s) => PLAIN_SEGMENT.test(s))) return null;
  const shape = segments.map((s) => (literals.has(s.toLowerCase()) ? s.toLowerCase() : PARAMETER)).join("/");
  return `${params.get("version")}\n${shape}`;
}

/** A bounded map of answers (a client can make up many path shapes: when full, it starts again). */
export function createManifestCache(routes: Record<string, { path?: string } | undefined>, max = 500) {
  const literals = literalSegments(routes);
  const answers = new Map<string, CachedAnswer>();
  return {
    keyOf: (query: string) => manifestKey(query, literals),
    get: (key: string) => answers.get(key),
    set(key: string, answer: CachedAnswer) {
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    },
  };
}
