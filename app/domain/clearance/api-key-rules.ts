// API keys of the clearance API: 256 random bits, shown once; only the SHA-256 is stored. A fast
// hash is right here: the key is random, not a password, and it is checked on every call.
import * as crypto from "node:crypto";
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "tgk_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

// The one-shot hash (Node ≥ 20.12) is about twice as fast as a Hash object: it runs on every call.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

export function hashApiKey(key: string): string {
  return oneShot ? oneShot("sha256", key, "hex") : createHash("sha256").update(key).digest("hex");
}

/** What the key list shows of a key: enough to tell keys apart, useless to call with. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

/** The key from an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
  return m ? m[1] : null;
}
