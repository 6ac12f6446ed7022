import { createCipheriv, createHash, randomBytes } from "node:crypto";

import { afterEach, describe, expect, it, vi } from "vitest";

import { decryptNumber, encryptNumber, keyIdOf } from "./case-crypto.server";
import { parseCaseKeyring, type CaseKeyring } from "./case-keyring";

const CARD = "6222001234561234";
const keyA = randomBytes(32);
const keyB = randomBytes(32);
const ring = (spec: string): CaseKeyring => parseCaseKeyring({ CASE_DATA_KEYS: spec })!;
const A_ONLY = ring(`a:${keyA.toString("base64")}`);
const B_ONLY = ring(`b:${keyB.toString("base64")}`);

/** A number as the code before key ids stored it: "v1:" + base64(iv ‖ tag ‖ ciphertext), no AAD. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

describe("numbers at rest", () => {
  it("each ciphertext names the current key and has a fresh IV; a changed byte does not decrypt", () => {
    const a = encryptNumber(CARD, A_ONLY);
    const b = encryptNumber(CARD, A_ONLY);
    expect(a).toMatch(/^v2:a:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(CARD);
    expect(keyIdOf(a)).toBe("a");
    expect(decryptNumber(a, A_ONLY)).toBe(CARD);
    const raw = Buffer.from(a.split(":")[2], "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptNumber(`v2:a:${raw.toString("base64")}`, A_ONLY)).toThrow();
  });

  it(
    "a number written before key ids (v1) still decrypts, " + "with the key configured as CASE_DATA_KEY or as legacy",
    () => {
      const old = sealV1(CARD, keyA);
      expect(keyIdOf(old)).toBe("legacy");
      expect(decryptNumber(old, parseCaseKeyring({ CASE_DATA_KEY: keyA.toString("base64") })!)).toBe(CARD);
      const rotated = ring(`b:${keyB.toString("base64")},legacy:${keyA.toString("base64")}`);
      expect(decryptNumber(old, rotated)).toBe(CARD);
      // New writes use the first key of the list.
      expect(keyIdOf(encryptNumber(CARD, rotated))).toBe("b");
    },
  );

  it("a key that is not configured is named in the error; the number is not", () => {
    const sealed = encryptNumber(CARD, A_ONLY);
    expect(() => decryptNumber(sealed, B_ONLY)).toThrow(
      'Case number sealed with key "a", which is not in CASE_DATA_KEYS.',
    );
    expect(() => decryptNumber(sealV1(CARD, keyA), B_ONLY)).toThrow(/"legacy"/);
  });

  it(
    "the key id is authenticated: relabelling a ciphertext does not decrypt, " + "even when both ids hold the same key",
    () => {
      const twins = ring(`a:${keyA.toString("base64")},z:${keyA.toString("base64")}`);
      const sealed = encryptNumber(CARD, twins);
      expect(decryptNumber(sealed, twins)).toBe(CARD);
      expect(() => decryptNumber(sealed.replace("v2:a:", "v2:z:"), twins)).toThrow();
    },
  );

  it("without configuration (development, tests, demo) the demo key reads the demo data written before key ids", () => {
    const demoKey = createHash("sha256").update("TrainGate demo case data key (not for real cases)").digest();
    expect(decryptNumber(sealV1(CARD, demoKey))).toBe(CARD);
    expect(keyIdOf(encryptNumber(CARD))).toBe("demo");
  });
});

describe("the keyring is checked when the server loads", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  const load = () => import("./case-crypto.server");

  it("a malformed CASE_DATA_KEYS stops the start-up with a clear error", async () => {
    vi.stubEnv("CASE_DATA_KEYS", `new:${randomBytes(16).toString("base64")}`);
    vi.resetModules();
    await expect(load()).rejects.toThrow(/CASE_DATA_KEYS entry 1 \(id "new"\): the key is not 32 bytes/);
  });

  it(
    "in production the published demo key is refused, " +
      "and no key at all means no case numbers (never the demo key)",
    async () => {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("TRAINGATE_DEMO", "");
      vi.stubEnv(
        "CASE_DATA_KEYS",
        `k:${createHash("sha256").update("TrainGate demo case data key (not for real cases)").digest("base64")}`,
      );
      vi.resetModules();
      await expect(load()).rejects.toThrow(/published demo key/);

      vi.stubEnv("CASE_DATA_KEYS", undefined);
      vi.resetModules();
      const crypto = await load();
      expect(() => crypto.encryptNumber(CARD)).toThrow(/CASE_DATA_KEYS \(or CASE_DATA_KEY\) is not set/);
    },
  );
});
