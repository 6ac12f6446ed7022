// Rotating CASE_DATA_KEY while TrainGate runs: numbers sealed with key A (some in the form written
// before key ids existed), the keyring turned to B with A kept, `npm run cases:rekey`, then only B.
import { execFile } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import { promisify } from "node:util";

import { beforeEach, describe, expect, it } from "vitest";

import { decryptNumber, encryptNumber } from "~/domain/cases/case-crypto.server";
import { parseCaseKeyring } from "~/domain/cases/case-keyring";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

import { demoCardNumber, demoIdNumber } from "../../prisma/seed/cases";
import { makeDepartment } from "../../prisma/seed/factories";

const A = randomBytes(32).toString("base64");
const B = randomBytes(32).toString("base64");
const ONLY_A = parseCaseKeyring({ CASE_DATA_KEY: A })!;
const B_THEN_A = parseCaseKeyring({ CASE_DATA_KEYS: `b:${B},legacy:${A}` })!;
const ONLY_B = parseCaseKeyring({ CASE_DATA_KEYS: `b:${B}` })!;
const CASES = 5;

/** The stored form before key ids: "v1:" + base64(iv ‖ tag ‖ ciphertext), no AAD. */
function sealV1(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(A, "base64"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** `npm run cases:rekey -- --batch=2` against this worker's database, in production mode (no demo key). */
async function rekey(keys: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: process.env.DATABASE_URL,
    NODE_ENV: "production",
    ...keys,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "tools/rekey-case-numbers.ts", "--batch=2"],
      { env, cwd: process.cwd() },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const stored = () =>
  db.collectionCase.findMany({
    orderBy: { caseNo: "asc" },
    select: { caseNo: true, idNumberEnc: true, cardNumberEnc: true },
  });
const plain = (i: number) => ({ id: demoIdNumber(300 + i), card: demoCardNumber(300 + i) });

beforeEach(async () => {
  await db.$transaction(async (tx) => {
    const department = await makeDepartment(tx, { code: "COL1", name: "催收一部" });
    const batch = await tx.caseBatch.create({
      data: {
        clientBank: "江南银行",
        fileName: "a.csv",
        departmentId: department.id,
        importedAt: now(),
        caseCount: CASES,
      },
    });
    for (let i = 0; i < CASES; i++) {
      const { id, card } = plain(i);
      // The first two as the code before this change stored them, the others with key A and its id.
      const seal = (n: string) => (i < 2 ? sealV1(n) : encryptNumber(n, ONLY_A));
      await tx.collectionCase.create({
        data: {
          caseNo: `K-${i}`,
          batchId: batch.id,
          clientBank: "江南银行",
          debtorName: `测试${i}`,
          idNumberEnc: seal(id),
          idNumberMasked: "x",
          cardNumberEnc: seal(card),
          cardNumberMasked: "x",
          amountOwedFen: 100,
          overdueDays: 1,
          phones: [],
          address: "",
          mandateDueDate: new Date("2027-01-31"),
          departmentId: department.id,
        },
      });
    }
  });
});

describe("rotating the case data key", () => {
  it("A → B without downtime: both read meanwhile, re-encryption in batches, then B alone reads all", async () => {
    // Meanwhile the servers run with B current and A kept: old numbers read, new ones are written with B.
    for (const row of await stored()) expect(decryptNumber(row.idNumberEnc, B_THEN_A)).toMatch(/^\d{17}[\dX]$/);
    expect(encryptNumber(plain(0).card, B_THEN_A)).toMatch(/^v2:b:/);

    const run = await rekey({ CASE_DATA_KEYS: `b:${B},legacy:${A}` });
    expect(run.code).toBe(0);
    expect(run.output).toContain("Numbers by key before: legacy: 10");
    expect(run.output).toContain(`Done: ${CASES} cases checked, ${CASES} re-encrypted with key "b".`);
    expect(run.output).toContain("Numbers by key now: b: 10");
    for (let i = 0; i < CASES; i++) for (const n of Object.values(plain(i))) expect(run.output).not.toContain(n);
    for (const key of [A, B]) expect(run.output).not.toContain(key);

    const rows = await stored();
    rows.forEach((row, i) => {
      expect(row.idNumberEnc).toMatch(/^v2:b:/);
      expect(decryptNumber(row.idNumberEnc, ONLY_B)).toBe(plain(i).id);
      expect(decryptNumber(row.cardNumberEnc, ONLY_B)).toBe(plain(i).card);
      expect(() => decryptNumber(row.cardNumberEnc, ONLY_A)).toThrow(/"b"/);
    });
    // One audit entry per batch of two, in the transaction that wrote it.
    expect(
      (
        await db.auditEntry.findMany({
          where: { action: "caseNumbers.rekeyed" },
          orderBy: { id: "asc" },
          select: { summary: true },
        })
      ).map((e) => e.summary),
    ).toEqual([
      { keyId: "b", cases: 2 },
      { keyId: "b", cases: 2 },
      { keyId: "b", cases: 1 },
    ]);
  }, 60_000);

  it("running it again changes nothing; with a key the data needs missing it refuses before writing", async () => {
    expect((await rekey({ CASE_DATA_KEYS: `b:${B},legacy:${A}` })).code).toBe(0);
    const after = await stored();
    const again = await rekey({ CASE_DATA_KEYS: `b:${B}` });
    expect(again.output).toContain(`Done: ${CASES} cases checked, 0 re-encrypted`);
    expect(await stored()).toEqual(after);

    const missing = await rekey({ CASE_DATA_KEYS: `c:${randomBytes(32).toString("base64")}` });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("Nothing changed: stored numbers need key(s) b");
    expect(await stored()).toEqual(after);
  }, 60_000);

  it("a malformed keyring stops the command with a clear message that does not repeat the key", async () => {
    const short = randomBytes(16).toString("base64");
    const before = await stored();
    const bad = await rekey({ CASE_DATA_KEYS: `b:${short}` });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('CASE_DATA_KEYS entry 1 (id "b"): the key is not 32 bytes');
    expect(bad.output).not.toContain(short);
    expect(await stored()).toEqual(before);
  }, 60_000);
});
