// API keys of the clearance API: 256 random bits, shown once; only the SHA-256 is stored. A fast
// hash is right here: the key is random, not a password, and it is checked on every call.
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "tgk_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
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
