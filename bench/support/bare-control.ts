// A yardstick for this machine at the moment of a run: a bare `node:http` server (its own process, nothing
// but the answer) sending a clearance-sized JSON answer with the clearance API's headers, under the same
// autocannon load (20 connections). On this 2-core VM the same code measured 33,000–40,000 requests/s in one
// hour and 17,700 in the next (docs/benchmarks.md, session 16): the host's other tenants are not visible from
// inside. Printed beside the API's figures, it tells a slow machine from a slow server.
import { spawn } from "node:child_process";
import { once } from "node:events";

import autocannon from "autocannon";

import { autocannonExact } from "./exact-latency";

const BARE_SERVER = `
const { createServer } = require("node:http");
const body = JSON.stringify({ employeeNo: "P00001", cleared: true, reasons: ["passed"],
  validUntil: "2027-11-05T15:51:10.552Z",
  rules: Object.fromEntries(Array.from({ length: 20 }, (_, i) => ["B" + i, true])) });
const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff", "Content-Length": Buffer.byteLength(body) };
const server = createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

export type Control = { requestsPerSecond: number; p99: number };

/** `seconds` of load on a bare server after 1 s of warm-up, with `connections` as the bench uses. */
export async function bareServerControl(connections: number, seconds = 5): Promise<Control> {
  const child = spawn(process.execPath, ["-e", BARE_SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const [chunk] = (await once(child.stdout, "data")) as [Buffer];
    const url = `http://127.0.0.1:${chunk.toString().trim()}/api/v1/clearance/P00001`;
    await autocannon({ url, connections, duration: 1 });
    const { result, exact } = await autocannonExact({ url, connections, duration: seconds });
    return { requestsPerSecond: result.requests.average, p99: exact.p99 };
  } finally {
    child.kill();
  }
}
