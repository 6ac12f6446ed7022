import { describe, expect, it } from "vitest";
import { z } from "zod";

import { PersonFormSchema } from "~/domain/people/people.schema";

import { parseForm, parseIntent, parseMessage } from "./validation";

const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
};

describe("form parsing", () => {
  const valid = {
    employeeNo: "c0301",
    name: "王小明",
    departmentId: "d1",
    post: "催收员",
    phone: "138 0013 8000",
    email: "",
    hireDate: "2026-11-02",
    status: "NEW_HIRE",
  };

  it("normalises what people type", () => {
    const result = parseForm(PersonFormSchema, form(valid));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.employeeNo).toBe("C0301");
      expect(result.data.phone).toBe("13800138000");
      expect(result.data.email).toBeUndefined();
      expect(result.data.hireDate?.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    }
  });

  it("returns a message key per field and keeps what was typed", () => {
    const result = parseForm(
      PersonFormSchema,
      form({ ...valid, name: "", phone: "12345", hireDate: "2026-02-30", status: "BOSS" }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.name).toBe("validation.required");
      expect(result.errors.phone).toBe("people.phoneFormat");
      expect(result.errors.hireDate).toBe("validation.date");
      expect(result.errors.status).toBe("validation.invalidChoice");
      expect(result.values.phone).toBe("12345");
    }
  });

  it("an empty choice is 必填 (required), not an invalid one (issue 13)", () => {
    const Choice = z.object({ category: z.enum(["INTERNAL", "EXTERNAL"]) });
    const empty = parseForm(Choice, form({ category: "" }));
    expect(!empty.ok && empty.errors.category).toBe("validation.required");
    const missing = parseForm(Choice, form({}));
    expect(!missing.ok && missing.errors.category).toBe("validation.required");
    const unknown = parseForm(Choice, form({ category: "BOSS" }));
    expect(!unknown.ok && unknown.errors.category).toBe("validation.invalidChoice");
  });

  it("carries limits as parameters of the message", () => {
    const result = parseForm(PersonFormSchema, form({ ...valid, name: "名".repeat(51) }));
    expect(!result.ok && parseMessage(result.errors.name)).toEqual({ key: "validation.tooLong", params: { max: 50 } });
  });
});

describe("parseIntent: one discriminated union for the forms of a page", () => {
  const Intents = z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("rename"), name: z.string().trim().min(1).max(10) }),
    z.object({ intent: z.literal("remove"), id: z.string().min(1) }),
  ]);

  it("parses the form that was sent", () => {
    const result = parseIntent(form({ intent: "remove", id: "x1", name: "ignored" }), Intents);
    expect(result).toMatchObject({ ok: true, intent: "remove", data: { intent: "remove", id: "x1" } });
  });

  it("refuses a form with errors per field, says which form it was and keeps what was typed", () => {
    const result = parseIntent(form({ intent: "rename", name: "far too long a name" }), Intents);
    expect(result).toMatchObject({
      ok: false,
      intent: "rename",
      errors: { name: 'validation.tooLong::{"max":10}' },
      values: { name: "far too long a name" },
    });
  });

  it("an unknown or missing intent is a form-level error", () => {
    expect(parseIntent(form({ intent: "explode" }), Intents)).toMatchObject({
      ok: false,
      intent: "explode",
      errors: { _form: expect.any(String) },
    });
    const missing = parseIntent(form({ name: "a" }), Intents);
    expect(missing).toMatchObject({ ok: false, intent: null, errors: { _form: expect.any(String) } });
    if (!missing.ok) expect(missing.errors).not.toHaveProperty("intent");
  });
});
