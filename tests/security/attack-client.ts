// A raw HTTP client for the attack tests against the running server (tests/security/*.e2e.ts): bodies that
// declare one size and send another, chunked streams, and the server's memory from /proc.
import fs from "node:fs";
import net from "node:net";

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

const WAIT_FOR_ANSWER_AT = 1024 * 1024;

export type RawAnswer = {
  status: number;
  body: string;
  /** From the first byte sent to the answer's headers. */
  ms: number;
  /** The server closed the connection while the body was unfinished (only when writing on after the answer). */
  cut: boolean;
};

/**
 * Sends a POST over a plain socket (no HTTP client that would close or retry on its own): `headers`, then up to
 * `total` bytes of `chunk()` (chunked when no Content-Length is given), writing only as the socket drains. Stops
 * writing once answered, unless `writeOn`: then it writes on, to see whether the server cuts the connection. A
 * body declared longer than `total` is left open: the server must answer without it.
 */
export function rawPost(
  path: string,
  headers: Record<string, string | number>,
  chunk: () => Uint8Array,
  total: number,
  options: { writeOn?: boolean } = {},
): Promise<RawAnswer> {
  const url = new URL(path, baseURL);
  const chunked = headers["Content-Length"] === undefined;
  const head = Object.entries({
    Host: url.host,
    Origin: baseURL,
    ...headers,
    ...(chunked ? { "Transfer-Encoding": "chunked" } : {}),
  })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    let ms = 0;
    let sent = 0;
    let settled = false;
    const answer = () => {
      const text = received.toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), body: text.slice(split + 4), ms };
    };
    const settle = (cut: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer(), cut });
      socket.destroy();
    };
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const text = received.toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return;
      if (!ms) {
        ms = performance.now() - started;
        if (options.writeOn) setImmediate(write);
      }
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, split))?.[1] ?? NaN);
      const whole = Number.isFinite(length) ? received.byteLength >= split + 4 + length : /\r\n0\r\n\r\n$/.test(text);
      if (whole && !options.writeOn) settle(false);
    });
    socket.on("error", () => settle(true));
    socket.on("close", () => settle(true));
    const write = () => {
      // Writing on, it waits for the answer after 1 MB (the server answers at its limit, well before) and only then
      // sends the rest: a reset arriving before the answer is read would discard the answer.
      while (!settled && sent < total && !(ms && !options.writeOn)) {
        // Checked per chunk: on loopback the socket rarely pushes back, and one loop would send it all at once.
        if (options.writeOn && !ms && sent >= WAIT_FOR_ANSWER_AT) return;
        const bytes = chunk().subarray(0, total - sent);
        sent += bytes.byteLength;
        const framed = chunked
          ? Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`), bytes, Buffer.from("\r\n")])
          : bytes;
        if (!socket.write(framed)) return void socket.once("drain", write);
      }
      // Writing on, the body is never finished: only the server can end the connection.
      if (options.writeOn || settled || sent < total) return;
      if (chunked) socket.write("0\r\n\r\n");
    };
    socket.once("connect", () => {
      socket.write(`POST ${url.pathname}${url.search} HTTP/1.1\r\n${head}\r\n`);
      write();
    });
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
