// ID and card numbers at rest: AES-256-GCM (node:crypto) with the current key of the keyring from
// CASE_DATA_KEYS (or the single CASE_DATA_KEY); each stored number names the key that made it, so keys
// can be rotated without downtime (docs/operations.md, `npm run cases:rekey`). The demo company,
// development and tests use a fixed, published key of their own; a production server without keys
// refuses to store or show case numbers, and one with malformed keys does not start.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

import { env, type Env } from "~/utils/env.server";

import {
  LEGACY_KEY_ID,
  openSealed,
  parseCaseKeyring,
  sealedPrefix,
  CaseKeyConfigError,
  type CaseKeyring,
} from "./case-keyring";

// Published on purpose: it protects demo data only, never a real case.
const DEMO_KEY = createHash("sha256").update("TrainGate demo case data key (not for real cases)").digest();
// Demo data written before key ids ("v1:") was sealed with the demo key: it answers to "legacy" too.
const DEMO_KEYRING: CaseKeyring = {
  currentId: "demo",
  keys: new Map([
    ["demo", DEMO_KEY],
    [LEGACY_KEY_ID, DEMO_KEY],
  ]),
};

type KeyEnv = Pick<Env, "CASE_DATA_KEYS" | "CASE_DATA_KEY" | "TRAINGATE_DEMO" | "NODE_ENV">;

function demoMode(config: KeyEnv): boolean {
  return config.TRAINGATE_DEMO || config.NODE_ENV !== "production";
}

/** The configured keyring, checked; a production server never accepts the published demo key. */
export function loadCaseKeyring(config: KeyEnv): CaseKeyring | null {
  const keyring = parseCaseKeyring(config);
  if (keyring && !demoMode(config) && [...keyring.keys.values()].some((k) => k.equals(DEMO_KEY))) {
    throw new CaseKeyConfigError("CASE_DATA_KEYS holds the published demo key: it must not protect real cases.");
  }
  return keyring;
}

// Read once, when the server loads this module: a malformed configuration stops the start-up.
const configured = loadCaseKeyring(env());

export function caseKeyring(): CaseKeyring {
  if (configured) return configured;
  if (demoMode(env())) return DEMO_KEYRING;
  throw new Error("CASE_DATA_KEYS (or CASE_DATA_KEY) is not set: case ID and card numbers cannot be stored or read.");
}

/** "v2:<keyId>:" + base64(iv ‖ tag ‖ ciphertext), with the current key and a fresh 96-bit IV. */
export function encryptNumber(plain: string, keyring: CaseKeyring = caseKeyring()): string {
  const prefix = sealedPrefix(keyring.currentId);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.keys.get(keyring.currentId)!, iv);
  cipher.setAAD(Buffer.from(prefix));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${prefix}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** The key id a stored number was sealed with ("legacy" for the form without one). */
export function keyIdOf(stored: string): string {
  return openSealed(stored).keyId;
}

export function decryptNumber(stored: string, keyring: CaseKeyring = caseKeyring()): string {
  const sealed = openSealed(stored);
  const key = keyring.keys.get(sealed.keyId);
  if (!key) throw new Error(`Case number sealed with key "${sealed.keyId}", which is not in CASE_DATA_KEYS.`);
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.payload.subarray(0, 12));
  if (sealed.aad) decipher.setAAD(Buffer.from(sealed.aad));
  decipher.setAuthTag(sealed.payload.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.payload.subarray(28)), decipher.final()]).toString("utf8");
}
