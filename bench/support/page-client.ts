// GET a page as the browser's first request for it (the HTML document), over kept-alive node:http
// connections; the body is read to the end (that is part of the wait) and only its size is kept.
import { readFileSync } from "node:fs";
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });

export type PageResponse = { status: number; bytes: number };

export function getPage(url: string, cookie: string, timeoutMs = 30_000): Promise<PageResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { agent, headers: { Cookie: cookie, Accept: "text/html", "Accept-Encoding": "gzip" } },
      (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end();
  });
}

/** Resident set size of a process in MB, from /proc (NaN once it is gone). */
export function rssMb(pid: number): number {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return line ? Number(line[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
