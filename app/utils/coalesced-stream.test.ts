import { once } from "node:events";

import { describe, expect, it } from "vitest";

import { CoalescedStream } from "./coalesced-stream.server";

function collect(stream: CoalescedStream) {
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

describe("CoalescedStream", () => {
  it("passes on what was written in one tick as one chunk, byte for byte", async () => {
    const stream = new CoalescedStream();
    const chunks = collect(stream);
    const parts = Array.from({ length: 40 }, (_, i) => Buffer.from(`<li>第 ${i} 行</li>`));
    for (const part of parts) stream.write(part);
    stream.write("<p>末尾</p>", "utf8");
    await once(stream, "data");
    expect(chunks).toHaveLength(1);
    expect(chunks[0].toString()).toBe(Buffer.concat(parts).toString() + "<p>末尾</p>");
  });

  it("sends what comes in a later tick as soon as that tick ends, without waiting for the end", async () => {
    const stream = new CoalescedStream();
    const chunks = collect(stream);
    stream.write("shell");
    await once(stream, "data");
    // A Suspense boundary resolving later: its HTML must reach the browser before the stream ends.
    stream.write("late-1");
    stream.write("late-2");
    await once(stream, "data");
    expect(chunks.map(String)).toEqual(["shell", "late-1late-2"]);
    expect(stream.writableEnded).toBe(false);
  });

  it("releases what is held when the writer ends within the same tick", async () => {
    const stream = new CoalescedStream();
    const chunks = collect(stream);
    stream.write("a");
    stream.end("b");
    await once(stream, "end");
    expect(chunks.map(String)).toEqual(["ab"]);
  });

  it("pushes nothing once destroyed (the client went away)", async () => {
    const stream = new CoalescedStream();
    const chunks = collect(stream);
    stream.write("held");
    stream.destroy();
    await once(stream, "close");
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual([]);
  });
});
