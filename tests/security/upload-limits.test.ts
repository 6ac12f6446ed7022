// Attack: uploads that read everything before any check. An agent posting a large file to the course-material
// action (refused only after the whole body was read), and multipart bodies of many parts or of several parts each
// under the per-file limit but together far over it.
import { beforeEach, describe, expect, it } from "vitest";

import { action as courseAction } from "~/routes/_app.courses.$courseId._index";
import { action as importAction } from "~/routes/_app.people.import";
import { readMultipart } from "~/utils/upload.server";

import { BASE, cookieFor, outcome, seedDemoCompany } from "../integration/support";

const MB = 1024 * 1024;

/** A multipart body of `parts` file parts of `size` bytes, streamed; `pulled()` is how much of it was read. */
function multipartBody(parts: number, size: number) {
  const boundary = "----limits";
  const head = (i: number) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file${i}"; filename="f${i}.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n",
    );
  let pulled = 0;
  let part = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (part === parts) {
        controller.enqueue(Buffer.from(`--${boundary}--\r\n`));
        return controller.close();
      }
      const bytes = Buffer.concat([head(part++), Buffer.alloc(size, 0x61), Buffer.from("\r\n")]);
      pulled += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
  return { stream, type: `multipart/form-data; boundary=${boundary}`, pulled: () => pulled };
}

function post(path: string, cookie: string, body: ReturnType<typeof multipartBody>) {
  return new Request(BASE + path, {
    method: "POST",
    headers: { Origin: BASE, Cookie: cookie, "Content-Type": body.type },
    body: body.stream,
    duplex: "half",
  } as RequestInit);
}

describe("uploads are read only after the permission check, and limited in total and in parts", () => {
  beforeEach(seedDemoCompany);

  it("refuses an agent's 30-part upload to a course with 403 without reading the body", async () => {
    const body = multipartBody(30, Math.round(9.9 * MB));
    const refused = await outcome(() =>
      courseAction({
        request: post("/courses/any", "", body),
        params: { courseId: "any" },
        context: { cspNonce: "" },
      }),
    );
    // Anonymous: sent to the login page, body unread.
    expect(refused.status).toBe(302);
    const agent = multipartBody(30, Math.round(9.9 * MB));
    const forbidden = await outcome(async () =>
      courseAction({
        request: post("/courses/any", await cookieFor("C0101"), agent),
        params: { courseId: "any" },
        context: { cspNonce: "" },
      }),
    );
    expect(forbidden.status).toBe(403);
    // A ReadableStream pulls once ahead when it is made; nothing past that first part was read.
    expect(agent.pulled()).toBeLessThan(10 * MB);
    expect(body.pulled()).toBeLessThan(10 * MB);
  });

  it("refuses many small parts, and parts each under the file limit but together over the total", async () => {
    const many = await readMultipart(new Request(BASE, { method: "POST", ...bodyInit(multipartBody(25, 10)) }), {
      maxFileBytes: MB,
    });
    expect(many).toEqual({ ok: false, reason: "unreadable" });
    const spread = multipartBody(8, Math.round(0.9 * MB));
    const total = await readMultipart(new Request(BASE, { method: "POST", ...bodyInit(spread) }), { maxFileBytes: MB });
    expect(total).toEqual({ ok: false, reason: "tooLarge" });
    // Reading stopped at the limit: not all 7 MB were pulled.
    expect(spread.pulled()).toBeLessThan(3 * MB);
    const fine = await readMultipart(new Request(BASE, { method: "POST", ...bodyInit(multipartBody(1, MB - 1)) }), {
      maxFileBytes: MB,
    });
    expect(fine.ok).toBe(true);
  });

  it("refuses an agent's post to the people import before reading it", async () => {
    const body = multipartBody(10, MB);
    const forbidden = await outcome(async () =>
      importAction({
        request: post("/people/import", await cookieFor("C0101"), body),
        params: {},
        context: { cspNonce: "" },
      }),
    );
    expect(forbidden.status).toBe(403);
    expect(body.pulled()).toBeLessThan(2 * MB);
  });
});

function bodyInit(body: ReturnType<typeof multipartBody>) {
  return { headers: { "Content-Type": body.type }, body: body.stream, duplex: "half" } as RequestInit;
}
