// Attack: a huge body sent to the JSON fast path (the quiz attempt API, answered before express and Remix). It
// must be refused from its declared length before it is read, and one without a length must not be drained to
// its end: past the limit the server answers 413 and cuts the connection shortly after.
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { quizAttemptsFastPath } from "~/fast-paths/quiz-attempts.server";

import { cookieFor, seedDemoCompany, demoCompanyBeforeEachTest } from "../integration/support";

let server: Server;
let port: number;
let agent: string;

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  agent = await cookieFor("C0101");
  const handle = quizAttemptsFastPath({ isSecure: () => false });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  server.closeAllConnections();
  return new Promise((r) => server.close(r));
});

/**
 * Posts `head` then writes 1 MB blocks of JSON-ish bytes, up to `total`, as the socket drains; resolves with the
 * status the server answered and whether it then closed the connection before all was sent.
 */
function post(headers: string, total: number): Promise<{ status: number; cut: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let status = 0;
    let sent = 0;
    socket.on("data", (data: Buffer) => {
      status ||= Number(/^HTTP\/1\.1 (\d+)/.exec(data.toString("latin1"))?.[1] ?? 0);
      if (status) write();
    });
    const done = () => resolve({ status, cut: sent < total });
    socket.on("error", done);
    socket.on("close", done);
    // Before the answer only the first block goes out: the server must answer without the rest.
    const write = () => {
      while (sent < total && (status || sent === 0)) {
        sent += block.byteLength;
        if (!socket.write(block)) return void socket.once("drain", write);
      }
    };
    socket.once("connect", () => {
      socket.write(
        `POST /api/quiz/attempts HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
          `Cookie: ${agent}\r\nContent-Type: application/json\r\n${headers}\r\n`,
      );
      write();
    });
  });
}

describe("the JSON fast path limits bodies like the rest of the server", () => {
  it("answers a 400 MB declared body with 413 after one MB of it, and cuts the connection", async () => {
    expect(await post("Content-Length: 400000000\r\n", 40 * 1024 * 1024)).toEqual({ status: 413, cut: true });
  });

  it("answers a chunked body with 413 once past the limit, and cuts the connection", async () => {
    // The blocks are sent as raw bytes inside one huge chunk: what matters is the count, not the framing.
    expect(await post("Transfer-Encoding: chunked\r\n\r\n4000000", 40 * 1024 * 1024)).toEqual({
      status: 413,
      cut: true,
    });
  });
});
