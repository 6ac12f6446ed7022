// ID and card numbers at rest: AES-256-GCM (node:crypto) with the key from CASE_DATA_KEY (32 bytes,
// base64). The demo company, development and tests use a fixed, published key of their own; a
// production server without CASE_DATA_KEY refuses to store or show case numbers.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
// Published on purpose: it protects demo data only, never a real case.
const DEMO_KEY = createHash("sha256").update("TrainGate demo case data key (not for real cases)").digest();

let cached: Buffer | undefined;

function demoMode(): boolean {
  return process.env.TRAINGATE_DEMO === "1" || process.env.TRAINGATE_DEMO === "true" || process.env.NODE_ENV !== "production";
}

export function caseDataKey(): Buffer {
  if (cached) return cached;
  const configured = process.env.CASE_DATA_KEY;
  if (configured) {
    const key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("CASE_DATA_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).");
    return (cached = key);
  }
  if (demoMode()) return (cached = DEMO_KEY);
  throw new Error("CASE_DATA_KEY is not set: case ID and card numbers cannot be stored or read.");
}

/** "v1:" + base64(iv ‖ tag ‖ ciphertext); a fresh 96-bit IV every time. */
export function encryptNumber(plain: string, key: Buffer = caseDataKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function decryptNumber(stored: string, key: Buffer = caseDataKey()): string {
  const [version, payload] = stored.split(":");
  if (version !== VERSION || !payload) throw new Error("Unknown case number encryption format");
  const raw = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
