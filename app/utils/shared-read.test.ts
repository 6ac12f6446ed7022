import { describe, expect, it } from "vitest";

import { sharedRead } from "./shared-read";

function counter() {
  let reads = 0;
  return { read: async () => ++reads, reads: () => reads };
}

describe("a shared read", () => {
  it("answers the requests of its window with one read per key, then reads again", async () => {
    let t = 0;
    const shared = sharedRead<number>({ ms: 60_000, maxKeys: 10, at: () => t });
    const c = counter();
    const first = await Promise.all([shared("all", c.read), shared("all", c.read), shared("all", c.read)]);
    expect(first).toEqual([1, 1, 1]);
    t = 59_999;
    expect(await shared("all", c.read)).toBe(1);
    expect(await shared("dept-a", c.read)).toBe(2);
    t = 60_000;
    expect(await shared("all", c.read)).toBe(3);
    expect(c.reads()).toBe(3);
  });

  it("keeps no failed read: the next request reads again", async () => {
    const shared = sharedRead<number>({ ms: 60_000, maxKeys: 10, at: () => 0 });
    await expect(shared("all", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await shared("all", async () => 7)).toBe(7);
  });

  it("holds at most maxKeys keys: past them it starts afresh", async () => {
    const shared = sharedRead<number>({ ms: 60_000, maxKeys: 2, at: () => 0 });
    const c = counter();
    await shared("a", c.read);
    await shared("b", c.read);
    await shared("c", c.read);
    expect(await shared("a", c.read)).toBe(4);
  });
});
