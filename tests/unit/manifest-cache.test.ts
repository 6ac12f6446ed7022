import { describe, expect, it } from "vitest";

import { createManifestCache, literalSegments, manifestKey } from "../../server/manifest-cache";

const routes = {
  root: { path: "" },
  "routes/_app": {},
  "routes/_app.quiz._index": { path: "quiz" },
  "routes/_app.quiz.attempts.$id": { path: "quiz/attempts/:id" },
  "routes/_app.quiz.attempts.$id.result": { path: "quiz/attempts/:id/result" },
  "routes/_app.people.new": { path: "people/new" },
  "routes/_app.people.$personId": { path: "people/:personId?" },
  "routes/files.$": { path: "files/*" },
};
const literals = literalSegments(routes);
const key = (p: string, version = "abc") => manifestKey(new URLSearchParams({ p, version }).toString(), literals);

describe("route discovery answers kept per path shape", () => {
  it("collects the routes' literal segments, lower-cased, without parameters or splats", () => {
    expect([...literals].sort()).toEqual(["attempts", "files", "new", "people", "quiz", "result"]);
  });

  it("gives two attempts' URLs one key, and the result page another", () => {
    expect(key("/quiz/attempts/6f1c-a")).toBe(key("/quiz/attempts/b29"));
    expect(key("/quiz/attempts/6f1c-a/result")).not.toBe(key("/quiz/attempts/6f1c-a"));
    expect(key("/QUIZ/Attempts/x")).toBe(key("/quiz/attempts/y"));
  });

  it("keeps a literal segment apart from a parameter in the same place (people/new is not people/:personId)", () => {
    expect(key("/people/new")).not.toBe(key("/people/p0001"));
    expect(key("/people/p0001")).toBe(key("/people/p0002"));
  });

  it("keys by build version too", () => {
    expect(key("/quiz/attempts/a", "v1")).not.toBe(key("/quiz/attempts/a", "v2"));
  });

  it("leaves anything unusual to Remix: encoded, dotted or empty segments, other or repeated parameters", () => {
    for (const p of ["/quiz/%71uiz", "/files/a.pdf", "/quiz//attempts", "/quiz/attempts/x/", "/", "quiz"])
      expect({ p, key: key(p) }).toEqual({ p, key: null });
    expect(manifestKey("p=%2Fquiz&p=%2Fpeople&version=abc", literals)).toBeNull();
    expect(manifestKey("p=%2Fquiz&version=abc&x=1", literals)).toBeNull();
    expect(manifestKey("p=%2Fquiz", literals)).toBeNull();
  });

  it("holds a bounded number of answers", () => {
    const cache = createManifestCache(routes, 2);
    const answer = { status: 200, headers: [], body: Buffer.from("{}") };
    cache.set("a", answer);
    cache.set("b", answer);
    cache.set("c", answer);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, undefined, answer]);
  });
});
