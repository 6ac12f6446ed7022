import { describe, expect, it } from "vitest";

import { createSessionCache } from "./session-cache";

function setup(ttl = 1_000, maxEntries = 3) {
  let ms = 0;
  let ttlMs = ttl;
  const cache = createSessionCache<string>({ ttlMs: () => ttlMs, maxEntries, clock: () => ms });
  return {
    cache,
    advance: (by: number) => (ms += by),
    setTtl: (value: number) => (ttlMs = value),
  };
}

describe("session cache", () => {
  it("serves an entry until its lifetime is over, then reads again", () => {
    const { cache, advance } = setup();
    cache.remember("a", "alice", cache.generation());
    advance(999);
    expect(cache.get("a")).toBe("alice");
    advance(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps nothing while it is off (no listening connection, or outside production)", () => {
    const { cache, setTtl } = setup();
    cache.remember("a", "alice", cache.generation());
    setTtl(0);
    expect(cache.get("a")).toBeUndefined();
    cache.remember("b", "bob", cache.generation());
    setTtl(1_000);
    expect(cache.get("b")).toBeUndefined();
  });

  it("forgets everything on a change, and refuses a read that started before it", () => {
    const { cache } = setup();
    cache.remember("a", "alice", cache.generation());
    const before = cache.generation(); // a read starts …
    cache.forgetAll(); // … a logout elsewhere commits and is heard …
    cache.remember("b", "bob (read before the logout)", before); // … and the read comes back
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    cache.remember("b", "bob", cache.generation());
    expect(cache.get("b")).toBe("bob");
  });

  it("forgets one entry (this process ended that session)", () => {
    const { cache } = setup();
    cache.remember("a", "alice", cache.generation());
    cache.remember("b", "bob", cache.generation());
    cache.forget("a");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe("bob");
  });

  it("holds at most maxEntries, dropping the least recently stored", () => {
    const { cache } = setup(1_000, 2);
    cache.remember("a", "alice", cache.generation());
    cache.remember("b", "bob", cache.generation());
    cache.remember("a", "alice again", cache.generation());
    cache.remember("c", "carol", cache.generation());
    expect(cache.size()).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("alice again");
    expect(cache.get("c")).toBe("carol");
  });
});
