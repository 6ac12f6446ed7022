import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { CaseKeyConfigError, LEGACY_KEY_ID, openSealed, parseCaseKeyring } from "./case-keyring";

const A = randomBytes(32).toString("base64");
const B = randomBytes(32).toString("base64");
const refusal = (env: Record<string, string>) => {
  try {
    parseCaseKeyring(env);
  } catch (error) {
    expect(error).toBeInstanceOf(CaseKeyConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
};

describe("the case data keyring from the environment", () => {
  it("nothing configured is no keyring (the caller decides: demo key or refusal)", () => {
    expect(parseCaseKeyring({})).toBeNull();
  });

  it("CASE_DATA_KEY alone is one key with the fixed id legacy, and it is current", () => {
    const ring = parseCaseKeyring({ CASE_DATA_KEY: A })!;
    expect(ring.currentId).toBe(LEGACY_KEY_ID);
    expect([...ring.keys.keys()]).toEqual([LEGACY_KEY_ID]);
    expect(ring.keys.get(LEGACY_KEY_ID)!.toString("base64")).toBe(A);
  });

  it("CASE_DATA_KEYS: the first entry is the current key; spaces around entries are ignored", () => {
    const ring = parseCaseKeyring({ CASE_DATA_KEYS: ` 2026b:${B} , legacy:${A} ` })!;
    expect(ring.currentId).toBe("2026b");
    expect(ring.keys.get("2026b")!.toString("base64")).toBe(B);
    expect(ring.keys.get("legacy")!.toString("base64")).toBe(A);
  });

  it("refuses malformed configurations with a message that names the entry, never the key", () => {
    const short = randomBytes(16).toString("base64");
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ CASE_DATA_KEY: short }, /CASE_DATA_KEY: the key is not 32 bytes/],
      [{ CASE_DATA_KEY: "not base64 at all, but long enough to be 44 chars" }, /not 32 bytes/],
      [{ CASE_DATA_KEYS: `new:${B}`, CASE_DATA_KEY: A }, /not both/],
      [{ CASE_DATA_KEYS: "  " }, /empty/],
      [{ CASE_DATA_KEYS: B }, /entry 1 is not of the form id:key/],
      [{ CASE_DATA_KEYS: `new:${B},${A}` }, /entry 2 is not of the form id:key/],
      [{ CASE_DATA_KEYS: `new:${B},:${A}` }, /entry 2: a key id is/],
      [{ CASE_DATA_KEYS: `new key:${B}` }, /entry 1: a key id is/],
      [{ CASE_DATA_KEYS: `new:${B},new:${A}` }, /"new" appears twice/],
      [{ CASE_DATA_KEYS: `new:${B},old:${short}` }, /entry 2 \(id "old"\): the key is not 32 bytes/],
      [{ CASE_DATA_KEYS: `new:${B},` }, /entry 2 is not of the form/],
    ];
    for (const [env, message] of cases) {
      const text = refusal(env);
      expect(text).toMatch(message);
      for (const secret of [A, B, short]) expect(text).not.toContain(secret);
    }
  });
});

describe("the stored form of a number", () => {
  it("v2 names its key; v1, written before key ids, means the legacy key", () => {
    expect(openSealed("v2:2026b:AAAA")).toMatchObject({ keyId: "2026b", aad: "v2:2026b" });
    expect(openSealed("v1:AAAA")).toMatchObject({ keyId: LEGACY_KEY_ID, aad: null });
  });

  it("anything else is refused", () => {
    for (const bad of ["", "AAAA", "v1:", "v3:k:AAAA", "v2:AAAA", "v2:bad id:AAAA", "v2:k:", "v1:a:b"])
      expect(() => openSealed(bad)).toThrow(/Unknown case number encryption format/);
  });
});
