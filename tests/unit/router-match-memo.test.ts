// The patch of @remix-run/router (patches/@remix-run+router+1.23.3.patch, ADR 0034): route matching keeps the
// flattened, ranked branches per routes array and the compiled path patterns, instead of redoing both on each of
// the four matchRoutes calls of a document request. These tests fail when the patch is not applied (e.g. an
// install that skipped `postinstall`), when a copy the server loads is left unpatched, and when the memo would
// answer from stale routes.
import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

type Route = { id: string; path?: string; index?: boolean; children?: Route[] };
type Match = { route: { id: string }; params: Record<string, string | undefined>; pathname: string };
type PatchedRouter = {
  matchRoutes: (routes: Route[], location: string) => Match[] | null;
  matchPath: (pattern: { path: string; caseSensitive?: boolean; end?: boolean }, pathname: string) => Match | null;
  createRouter: (init: { routes: Route[]; history: unknown }) => {
    routes: Route[];
    patchRoutes: (routeId: string | null, children: Route[]) => void;
  };
  createMemoryHistory: () => unknown;
  UNSAFE_matchMemoStats?: { flattens: number; compiles: number };
};

const require = createRequire(import.meta.url);
// What Node loads on the server: the CommonJS build, by "main" (the package has no "exports").
const routerPath = require.resolve("@remix-run/router");
const router = require(routerPath) as PatchedRouter;

function stats() {
  if (!router.UNSAFE_matchMemoStats) throw new Error(`${routerPath} is not patched: run npx patch-package`);
  return { ...router.UNSAFE_matchMemoStats };
}

function appRoutes(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "courses.new", path: "courses/new" },
        { id: "courses.$id", path: "courses/:id" },
        { id: "people.$id.training", path: "people/:id/training" },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

describe("the patched route matching of @remix-run/router", () => {
  it("is the one copy that the server runtime and React Router load", () => {
    expect(routerPath).toMatch(/@remix-run\/router\/dist\/router\.cjs\.js$/);
    for (const user of ["@remix-run/server-runtime", "react-router", "react-router-dom", "@remix-run/react"]) {
      const fromUser = createRequire(require.resolve(user)).resolve("@remix-run/router");
      expect(fromUser, user).toBe(routerPath);
    }
    expect(stats().flattens).toBeGreaterThanOrEqual(0);
  });

  it("flattens and ranks a routes array once, however often it is matched", () => {
    const routes = appRoutes();
    const before = stats().flattens;
    expect(router.matchRoutes(routes, "/courses/new")!.at(-1)!.route.id).toBe("courses.new");
    expect(router.matchRoutes(routes, "/courses/c1")!.at(-1)!.params).toEqual({ id: "c1" });
    expect(router.matchRoutes(routes, "/")!.at(-1)!.route.id).toBe("home");
    expect(router.matchRoutes(routes, "/people/p1/training")!.at(-1)!.route.id).toBe("people.$id.training");
    expect(router.matchRoutes(routes, "/nowhere/at/all")!.at(-1)!.route.id).toBe("splat");
    expect(stats().flattens - before).toBe(1);
    // Another array (another build, another render) is flattened for itself.
    expect(router.matchRoutes(appRoutes(), "/courses/new")!.at(-1)!.route.id).toBe("courses.new");
    expect(stats().flattens - before).toBe(2);
  });

  it("compiles a path pattern once, keyed by its case sensitivity and end", () => {
    const path = `/memo-${Math.random().toString(36).slice(2)}/:id`;
    const before = stats().compiles;
    expect(router.matchPath({ path, end: true }, `${path.replace(":id", "x")}/more`)).toBeNull();
    expect(router.matchPath({ path, end: false }, `${path.replace(":id", "x")}/more`)!.params).toEqual({ id: "x" });
    expect(router.matchPath({ path, end: true }, path.replace(":id", "y"))!.params).toEqual({ id: "y" });
    const upper = path.toUpperCase().replace(":ID", "z");
    expect(router.matchPath({ path, caseSensitive: true }, upper)).toBeNull();
    expect(router.matchPath({ path, caseSensitive: false }, upper)).not.toBeNull();
    expect(stats().compiles - before).toBe(3);
  });

  it("matches children patched into a routes array in place (lazy route discovery)", () => {
    const data = router.createRouter({ routes: appRoutes(), history: router.createMemoryHistory() });
    const routes = data.routes;
    expect(router.matchRoutes(routes, "/late")!.at(-1)!.route.id).toBe("splat");
    data.patchRoutes("root", [{ id: "late", path: "late" }]);
    expect(router.matchRoutes(routes, "/late")!.at(-1)!.route.id).toBe("late");
  });
});
