// A raw HTTP client for the attack tests against the running server (tests/security/*.e2e.ts): bodies that
// declare one size and send another, chunked streams, and the server's memory from /proc.
import fs from "node:fs";
import http from "node:http";

import { baseURL, DEMO_PASSWORD } from "../e2e/harness";

/** The server's resident memory in bytes (Linux). */
export function serverRss(): number {
  const pid = process.env.E2E_SERVER_PID;
  if (!pid) throw new Error("E2E_SERVER_PID is not set: the e2e setup names the server's pid");
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line[1]) * 1024;
}

/** Signs in through POST /login like a browser form; the session cookie. */
export async function signIn(employeeNo: string): Promise<string> {
  const response = await fetch(new URL("/login", baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ employeeNo, password: DEMO_PASSWORD }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (response.status !== 302 || cookies.length === 0) throw new Error(`${employeeNo} could not sign in`);
  return cookies.join("; ");
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/**
 * Sends up to `total` bytes of `chunk()` under `headers` (writing only as the socket drains) and resolves with the
 * first answer and how long it took. Stops writing once answered; a server that cuts the connection after its
 * answer is what a refusal looks like from here.
 */
export function rawPost(
  path: string,
  headers: Record<string, string | number>,
  chunk: () => Uint8Array,
  total: number,
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(new URL(path, baseURL), {
      method: "POST",
      agent: false,
      headers: { Origin: baseURL, ...headers },
    });
    request.on("response", (response) => {
      answered = true;
      const ms = performance.now() - started;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      const done = () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(parts).toString(),
          ms,
        });
        request.destroy();
      };
      response.on("end", done);
      response.on("error", done);
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    const write = () => {
      while (!answered && sent < total) {
        const bytes = chunk().subarray(0, total - sent);
        sent += bytes.byteLength;
        if (!request.write(bytes)) return void request.once("drain", write);
      }
      // A body cut short of its declared length stays open: the server must answer without waiting for the rest.
      const declared = headers["Content-Length"];
      if (!answered && (declared === undefined || Number(declared) === total)) request.end();
    };
    write();
  });
}

/** A multipart body's head and tail around one file field. */
export function multipart(fields: Record<string, string>, fileName: string) {
  const boundary = `----attack${Date.now()}`;
  const head =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    "Content-Type: application/octet-stream\r\n\r\n";
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(head),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  };
}

/** Posts one file as a browser form would (the whole body at once); the answer with its time. */
export async function upload(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  name: string,
  file: Uint8Array,
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set("file", new Blob([Buffer.from(file)]), name);
  const started = performance.now();
  const response = await fetch(new URL(path, baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: baseURL },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}
