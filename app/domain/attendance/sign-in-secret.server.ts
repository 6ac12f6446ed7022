// The key behind the sign-in codes: 32 random bytes made once and kept in the database, so that every
// app process on one database makes and accepts the same codes. Never logged, never shown: its Setting
// key is not one of the company settings, which the settings page reads and audits by name.
import { randomBytes } from "node:crypto";

import { db } from "~/utils/db.server";

export const SIGN_IN_SECRET_KEY = "attendance.signInCodeSecret";

let cached: Promise<Buffer> | null = null;

async function loadOrCreate(): Promise<Buffer> {
  // Two processes starting at once both try to create it; the first insert wins and both read it back.
  await db.setting.createMany({
    data: [{ key: SIGN_IN_SECRET_KEY, value: randomBytes(32).toString("base64") }],
    skipDuplicates: true,
  });
  const row = await db.setting.findUniqueOrThrow({ where: { key: SIGN_IN_SECRET_KEY } });
  return Buffer.from(String(row.value), "base64");
}

export function signInSecret(): Promise<Buffer> {
  // Kept for the process's life only outside tests: a test database may be restored under a running worker.
  if (process.env.NODE_ENV === "test") return loadOrCreate();
  cached ??= loadOrCreate().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
