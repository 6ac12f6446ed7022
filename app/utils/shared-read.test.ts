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

describe("a shared read with staleMs", () => {
  it("answers the old value past its window while one new read runs, then the new one", async () => {
    let t = 0;
    const shared = sharedRead<number>({ ms: 60_000, staleMs: 60_000, maxKeys: 10, at: () => t });
    let release: (n: number) => void = () => {};
    let reads = 0;
    const slow = () => {
      reads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = shared("all", slow);
    release(1);
    expect(await first).toBe(1);
    t = 70_000;
    // Past the minute: the old value at once, and one read behind it, however many ask.
    expect(await shared("all", slow)).toBe(1);
    expect(await shared("all", slow)).toBe(1);
    expect(reads).toBe(2);
    release(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(await shared("all", slow)).toBe(2);
    expect(reads).toBe(2);
    // Older than ms + staleMs: waits for a new read, as without staleMs.
    t = 70_000 + 120_000;
    const late = shared("all", slow);
    expect(reads).toBe(3);
    release(3);
    expect(await late).toBe(3);
  });

  it("keeps answering the old value when the read behind it fails, and reads again on the next request", async () => {
    let t = 0;
    const shared = sharedRead<number>({ ms: 60_000, staleMs: 60_000, maxKeys: 10, at: () => t });
    expect(await shared("all", async () => 1)).toBe(1);
    t = 61_000;
    let fails = 0;
    const failing = () => {
      fails++;
      return Promise.reject(new Error("down"));
    };
    expect(await shared("all", failing)).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await shared("all", failing)).toBe(1);
    expect(fails).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await shared("all", async () => 5)).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await shared("all", async () => 6)).toBe(5);
  });

  it("never answers a value that was not read: a first read in flight is shared, not replaced", async () => {
    let t = 0;
    const shared = sharedRead<number>({ ms: 60_000, staleMs: 60_000, maxKeys: 10, at: () => t });
    let release: (n: number) => void = () => {};
    const first = shared("all", () => new Promise<number>((resolve) => (release = resolve)));
    t = 61_000;
    // Still unread past the window: a new read is made and awaited, as without staleMs.
    const second = shared("all", async () => 9);
    release(1);
    expect(await first).toBe(1);
    expect(await second).toBe(9);
  });
});
