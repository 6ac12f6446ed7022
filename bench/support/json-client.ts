// A light HTTP client for the load generator: node:http with kept-alive connections. Node's fetch
// costs several times the CPU per request, and here the load generator shares the two cores with
// the server and PostgreSQL it measures.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });

export type JsonResponse = { status: number; body: Record<string, unknown> };

export function requestJson(
  url: string,
  init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: unknown } = {},
): Promise<JsonResponse> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: init.method ?? (payload === undefined ? "GET" : "POST"),
        headers: {
          ...init.headers,
          ...(payload === undefined
            ? {}
            : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: not JSON: ${text.slice(0, 80)}`));
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
