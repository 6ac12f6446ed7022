import { describe, expect, it } from "vitest";
import { z } from "zod";

import { getParams, Id, invariantResponse } from "./params";

async function thrown(run: () => unknown): Promise<Response> {
  try {
    run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("getParams", () => {
  const schema = z.object({ personId: Id });

  it("gives the params a URL names", () => {
    expect(getParams({ personId: "ckxyz123" }, schema)).toEqual({ personId: "ckxyz123" });
  });

  it("answers 404 for a URL whose params do not fit", async () => {
    for (const params of [{}, { personId: "" }, { personId: "x".repeat(65) }]) {
      expect((await thrown(() => getParams(params, schema))).status).toBe(404);
    }
  });
});

describe("invariantResponse", () => {
  it("lets a true condition through", () => {
    expect(() => invariantResponse({ id: "a" }, "Not found", { status: 404 })).not.toThrow();
  });

  it("throws a Response with the message and status (400 unless told)", async () => {
    const notFound = await thrown(() => invariantResponse(null, "Not found", { status: 404 }));
    expect([notFound.status, await notFound.text()]).toEqual([404, "Not found"]);
    expect((await thrown(() => invariantResponse(false, () => "Bad"))).status).toBe(400);
  });
});
