// Pure: the keyring that protects debtors' ID and card numbers, read from the environment, and the
// stored form of an encrypted number. No key and no number ever appears in a message of this file.
//
//   CASE_DATA_KEYS="2026b:<base64 key>,legacy:<base64 key>"   the first entry is the current key
//   CASE_DATA_KEY="<base64 key>"                              the same as CASE_DATA_KEYS="legacy:<key>"
//
// Stored forms: "v2:<keyId>:<base64(iv ‖ tag ‖ ciphertext)>"; "v1:<base64…>" was written before key
// ids existed and is read with the key named "legacy".

export const LEGACY_KEY_ID = "legacy";
const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;
const BASE64_32_BYTES = /^[A-Za-z0-9+/_-]{43}=?$/;

export type CaseKeyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };
export type KeyringEnv = { readonly CASE_DATA_KEYS?: string; readonly CASE_DATA_KEY?: string };

export class CaseKeyConfigError extends Error {
  override name = "CaseKeyConfigError";
}

const HOW = "Each key is 32 random bytes, base64-encoded (openssl rand -base64 32).";

function decodeKey(value: string, where: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (!BASE64_32_BYTES.test(value) || key.length !== 32)
    throw new CaseKeyConfigError(`${where}: the key is not 32 bytes of base64. ${HOW}`);
  return key;
}

/** The configured keyring; null when neither variable is set. Anything malformed throws, naming the entry. */
export function parseCaseKeyring(env: KeyringEnv): CaseKeyring | null {
  const list = env.CASE_DATA_KEYS?.trim();
  const single = env.CASE_DATA_KEY?.trim();
  if (list && single)
    throw new CaseKeyConfigError(
      `Set CASE_DATA_KEYS or CASE_DATA_KEY, not both (CASE_DATA_KEY=<key> is CASE_DATA_KEYS=${LEGACY_KEY_ID}:<key>).`,
    );
  if (env.CASE_DATA_KEYS !== undefined && !list && !single)
    throw new CaseKeyConfigError("CASE_DATA_KEYS is set but empty.");
  if (single) return { currentId: LEGACY_KEY_ID, keys: new Map([[LEGACY_KEY_ID, decodeKey(single, "CASE_DATA_KEY")]]) };
  if (!list) return null;
  const keys = new Map<string, Buffer>();
  list.split(",").forEach((raw, i) => {
    const entry = raw.trim();
    const where = `CASE_DATA_KEYS entry ${i + 1}`;
    const colon = entry.indexOf(":");
    // The entry itself is never repeated: it may be a key pasted without its id.
    if (colon < 0) throw new CaseKeyConfigError(`${where} is not of the form id:key. ${HOW}`);
    const id = entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new CaseKeyConfigError(`${where}: a key id is 1–32 letters, digits, "_", "-" or ".".`);
    if (keys.has(id)) throw new CaseKeyConfigError(`${where}: the key id "${id}" appears twice.`);
    keys.set(id, decodeKey(entry.slice(colon + 1), `${where} (id "${id}")`));
  });
  return { currentId: list.split(",")[0].trim().split(":")[0], keys };
}

export type SealedNumber = { keyId: string; aad: string | null; payload: Buffer };

/** Which key made a stored number, and its parts. Throws on a form this version does not know. */
export function openSealed(stored: string): SealedNumber {
  const parts = stored.split(":");
  if (parts.length === 2 && parts[0] === "v1" && parts[1])
    return { keyId: LEGACY_KEY_ID, aad: null, payload: Buffer.from(parts[1], "base64") };
  if (parts.length === 3 && parts[0] === "v2" && KEY_ID.test(parts[1]) && parts[2])
    return { keyId: parts[1], aad: `v2:${parts[1]}`, payload: Buffer.from(parts[2], "base64") };
  throw new Error("Unknown case number encryption format");
}

/** The stored form of a number sealed with `keyId`; the "v2:<keyId>" prefix is authenticated too. */
export function sealedPrefix(keyId: string): string {
  return `v2:${keyId}`;
}
