// The request log's levels (server/request-log.ts): one info line per page or API request, 5xx at error, the
// probes and the case system's clearance calls at debug; below info a request that did not fail is not
// even labelled (the clearance API answers 10,000 calls a second and each is already in its call log).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";

import { afterEach, describe, expect, it } from "vitest";

import type { LogLevel } from "../../app/utils/env.server";
import { createLogger } from "../../app/utils/logger.server";
import { logRequests } from "../../server/request-log";

type Line = { level: string; msg: string; route: string; status: number };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose answer's status is the path's last segment, logging at `level`; what it logged. */
async function serve(level: LogLevel) {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // At debug a request's start has a line too ("request started"): only the request lines count here.
      for (const text of chunk.toString().split("\n")) {
        const line = text ? (JSON.parse(text) as Line) : null;
        if (line?.msg === "request") lines.push(line);
      }
      done();
    },
  });
  const log = createLogger(level, sink);
  const labelled: string[] = [];
  const label = (url: string) => {
    labelled.push(url);
    return url.startsWith("/api/v1/clearance/") ? "api/v1/clearance/{employeeNo}" : url.split("/")[1];
  };
  const requests = logRequests(
    (req, res) => {
      res.statusCode = Number(req.url?.split("/").at(-1));
      res.end();
    },
    { label, log: () => log },
  );
  server = createServer(requests.handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    await (await fetch(base + path)).arrayBuffer();
    // The line is written when the response closes, just after the client has it.
    await expect.poll(() => requests.inFlight()).toBe(0);
  };
  return { get, lines, labelled };
}

describe("the request log", () => {
  it("writes pages at info, failures at error, the probes and the clearance calls at debug", async () => {
    const { get, lines } = await serve("debug");
    for (const path of ["/people/200", "/people/500", "/healthz/200", "/api/v1/clearance/C0101/200"]) await get(path);
    await expect.poll(() => lines.length).toBe(4);
    expect(lines.map(({ level, route, status }) => ({ level, route, status }))).toEqual([
      { level: "info", route: "people", status: 200 },
      { level: "error", route: "people", status: 500 },
      { level: "debug", route: "healthz", status: 200 },
      { level: "debug", route: "api/v1/clearance/{employeeNo}", status: 200 },
    ]);
  });

  it("at info leaves the clearance calls out; at warn labels only the failures", async () => {
    const info = await serve("info");
    await info.get("/api/v1/clearance/C0101/200");
    await info.get("/people/200");
    await expect.poll(() => info.lines.length).toBe(1);
    expect(info.lines[0]).toMatchObject({ route: "people", status: 200 });
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const warn = await serve("warn");
    await warn.get("/api/v1/clearance/C0101/200");
    await warn.get("/people/404");
    await warn.get("/people/503");
    await expect.poll(() => warn.lines.length).toBe(1);
    expect(warn.lines[0]).toMatchObject({ level: "error", route: "people", status: 503 });
    expect(warn.labelled).toEqual(["/people/503"]);
  });

  it("watches what is in flight: not an answer given within the call; a later one, until it ends", async () => {
    const log = createLogger("warn", new Writable({ write: (_chunk, _encoding, done) => done() }));
    let answerLater: (() => void) | undefined;
    const requests = logRequests(
      (req, res) => {
        if (req.url === "/now") res.end("now");
        else answerLater = () => res.end("later");
      },
      { label: (url) => url, log: () => log },
    );
    server = createServer(requests.handler);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const later = fetch(`${base}/later`);
    await expect.poll(() => answerLater).toBeDefined();
    expect(requests.inFlight()).toBe(1);
    expect(await (await fetch(`${base}/now`)).text()).toBe("now");
    expect(requests.inFlight()).toBe(1);
    // Draining waits for the one in flight, and the answer given meanwhile asks its client to close.
    const drained = requests.drain();
    const closing = await fetch(`${base}/now`);
    expect(closing.headers.get("connection")).toBe("close");
    answerLater!();
    expect(await (await later).text()).toBe("later");
    await drained;
    expect(requests.inFlight()).toBe(0);
  });
});
