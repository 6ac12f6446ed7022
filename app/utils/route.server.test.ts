import { describe, expect, it } from "vitest";

import { readFlash } from "./flash.server";
import { failureStatus, invalid, respond } from "./route.server";

type Answer = Response | { type: string; data: unknown; init: ResponseInit | null };

async function flashIn(response: Response) {
  const pair = response.headers
    .getSetCookie()
    .find((c) => c.startsWith("tg_flash="))
    ?.split(";")[0];
  return pair ? (await readFlash(new Request("http://x/", { headers: { Cookie: pair } }))).flash : null;
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

const form = { intent: "save", values: { name: "王小明", password: "typed-secret-123", newPassword: "x" } };

describe("respond: a use-case's outcome becomes the answer", () => {
  it("done: a redirect that carries the flash in a cookie, not in the URL", async () => {
    const answer = (await respond(
      { ok: true, id: "p1" },
      { form, redirectTo: (done) => `/people/${done.id}`, flash: "people.notices.created" },
    )) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/people/p1");
    expect(await flashIn(answer)).toMatchObject({ tone: "success", message: "people.notices.created" });
  });

  it("done: a flash may have another tone, and other headers travel with it", async () => {
    const answer = (await respond(
      { ok: true, token: "t" },
      {
        redirectTo: "/home",
        flash: { message: "auth.passwordChanged", tone: "info" },
        headers: (done) => ({ "Set-Cookie": `tg_session=${done.token}` }),
      },
    )) as Response;
    expect(
      answer.headers
        .getSetCookie()
        .map((c) => c.split("=")[0])
        .sort(),
    ).toEqual(["tg_flash", "tg_session"]);
    expect(await flashIn(answer)).toMatchObject({ tone: "info", message: "auth.passwordChanged" });
  });

  it("done without a flash: a plain redirect", async () => {
    const answer = (await respond({ ok: true }, { redirectTo: "/login" })) as Response;
    expect([answer.status, answer.headers.get("Location"), answer.headers.has("Set-Cookie")]).toEqual([
      302,
      "/login",
      false,
    ]);
  });

  it("refused for a field: 400, the message under that field, what was typed (no passwords), which form", async () => {
    const answer = (await respond(
      { ok: false, field: "employeeNo", error: "people.employeeNoTaken" },
      { form, redirectTo: "/" },
    )) as Answer;
    expect(answer).toMatchObject({
      init: { status: 400 },
      data: { intent: "save", errors: { employeeNo: "people.employeeNoTaken" }, values: { name: "王小明" } },
    });
    expect(Object.keys((answer as { data: { values: object } }).data.values)).toEqual(["name"]);
  });

  it("refused for the whole form, with the use-case's status and its errors per field", async () => {
    const answer = await respond(
      { ok: false, error: "needs.answerErrors", errors: { q1: "validation.required" }, status: 400 },
      { redirectTo: "/" },
    );
    expect(answer).toMatchObject({
      init: { status: 400 },
      data: { intent: null, errors: { _form: "needs.answerErrors", q1: "validation.required" }, values: {} },
    });
    expect(
      await respond({ ok: false, error: "workflow.alreadyDecided", status: 409 }, { redirectTo: "/" }),
    ).toMatchObject({ init: { status: 409 }, data: { errors: { _form: "workflow.alreadyDecided" } } });
  });

  it("not found: a thrown 404, whether the use-case says 404 or only errors.notFound", async () => {
    expect(
      (await thrown(() => respond({ ok: false, error: "errors.notFound", status: 404 }, { redirectTo: "/" }))).status,
    ).toBe(404);
    expect((await thrown(() => respond({ ok: false, error: "errors.notFound" }, { redirectTo: "/" }))).status).toBe(
      404,
    );
  });

  it("a refusal without a status: conflict 409, anything else 400", () => {
    expect(failureStatus({ ok: false, error: "errors.conflict" })).toBe(409);
    expect(failureStatus({ ok: false, error: "people.cannotDisableSelf" })).toBe(400);
  });
});

describe("invalid: a form its schema refused", () => {
  it("answers 400 with the errors, which form, and what was typed except passwords", () => {
    expect(invalid({ ...form, errors: { name: "validation.required" } })).toMatchObject({
      init: { status: 400 },
      data: { intent: "save", errors: { name: "validation.required" }, values: { name: "王小明" } },
    });
  });
});
