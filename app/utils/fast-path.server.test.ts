import { IncomingMessage } from "node:http";
import { Socket } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { discardRest } from "./fast-path.server";

const made: IncomingMessage[] = [];
function request(headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  made.push(req);
  return req;
}
afterEach(() => {
  for (const req of made.splice(0)) {
    req.destroy();
    req.socket.destroy();
  }
});

describe("discardRest (the rest of a body answered early)", () => {
  it("drops what a request with a body still sends", () => {
    const withBody: Array<Record<string, string>> = [
      { "content-length": "5000000" },
      { "transfer-encoding": "chunked" },
    ];
    for (const headers of withBody) {
      const req = request(headers);
      discardRest(req);
      expect(req.listenerCount("data"), JSON.stringify(headers)).toBe(1);
    }
  });

  it("arms nothing for a request without a body, as every GET the fast paths answer", () => {
    const withoutBody: Array<Record<string, string>> = [{}, { "content-length": "0" }];
    for (const headers of withoutBody) {
      const req = request(headers);
      discardRest(req);
      expect(req.listenerCount("data"), JSON.stringify(headers)).toBe(0);
      expect(req.listenerCount("close"), JSON.stringify(headers)).toBe(0);
    }
  });
});
