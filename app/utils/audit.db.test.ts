import { describe, expect, it } from "vitest";

import { writeAudit } from "./audit.server";
import { db } from "./db.server";

describe("audit log", () => {
  it("is append-only: the database refuses to change or delete an entry", async () => {
    await db.$transaction((tx) => writeAudit(tx, { actor: null, action: "test.entry", entityType: "Test" }));
    await expect(db.auditEntry.updateMany({ data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEntry.deleteMany({})).rejects.toThrow();
    expect(await db.auditEntry.count({ where: { action: "test.entry" } })).toBe(1);
  });

  it("is written in the same transaction as the change: a failed change leaves no entry", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await writeAudit(tx, { actor: null, action: "test.rolled_back", entityType: "Test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEntry.count({ where: { action: "test.rolled_back" } })).toBe(0);
  });
});
