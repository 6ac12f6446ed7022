// Key rotation, step two: re-encrypts every stored ID and card number that another key made with
// the keyring's current key. Batches in id order, each in one transaction that locks its rows, writes
// them and one audit entry; a run can stop anywhere and be run again (rows already current are skipped).
// Only counts leave this file: never a number, never a key.
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { caseKeyring, decryptNumber, encryptNumber, keyIdOf } from "./case-crypto.server";
import { LEGACY_KEY_ID } from "./case-keyring";
import type { CaseKeyring } from "./case-keyring";

export type KeyCount = { keyId: string; numbers: number };
export type RekeyOutcome =
  | { ok: true; currentId: string; scanned: number; rekeyed: number; before: KeyCount[]; after: KeyCount[] }
  | { ok: false; missingKeyIds: string[]; before: KeyCount[] };

type Row = { id: string; idNumberEnc: string; cardNumberEnc: string };

/** How many stored numbers each key made (two per case). The prefix rule mirrors openSealed. */
export async function countNumbersByKey(): Promise<KeyCount[]> {
  return db.$queryRaw<KeyCount[]>`
    SELECT CASE WHEN v LIKE 'v1:%' THEN ${LEGACY_KEY_ID} ELSE split_part(v, ':', 2) END AS "keyId",
      count(*)::int AS numbers
    FROM "CollectionCase", LATERAL (VALUES ("idNumberEnc"), ("cardNumberEnc")) AS t(v)
    GROUP BY 1 ORDER BY 1`;
}

export async function rekeyCaseNumbers(
  options: {
    keyring?: CaseKeyring;
    batchSize?: number;
    onBatch?: (done: { scanned: number; rekeyed: number }) => void;
  } = {},
): Promise<RekeyOutcome> {
  const keyring = options.keyring ?? caseKeyring();
  const batchSize = options.batchSize ?? 500;
  const before = await countNumbersByKey();
  // Refuse before changing anything when a key the data needs is not configured.
  const missingKeyIds = before.map((c) => c.keyId).filter((id) => !keyring.keys.has(id));
  if (missingKeyIds.length) return { ok: false, missingKeyIds, before };

  const current = (stored: string) => keyIdOf(stored) === keyring.currentId;
  const reseal = (stored: string) =>
    current(stored) ? stored : encryptNumber(decryptNumber(stored, keyring), keyring);
  let after = "";
  let scanned = 0;
  let rekeyed = 0;
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, "idNumberEnc", "cardNumberEnc" FROM "CollectionCase"
          WHERE id > ${after} ORDER BY id LIMIT ${batchSize} FOR UPDATE`;
        const stale = rows.filter((r) => !current(r.idNumberEnc) || !current(r.cardNumberEnc));
        if (stale.length) {
          const resealed = stale.map((r) => ({
            id: r.id,
            idNumberEnc: reseal(r.idNumberEnc),
            cardNumberEnc: reseal(r.cardNumberEnc),
          }));
          await tx.$executeRaw`
            UPDATE "CollectionCase" AS c SET "idNumberEnc" = v.id_enc, "cardNumberEnc" = v.card_enc
            FROM unnest(
              ${resealed.map((r) => r.id)}::text[],
              ${resealed.map((r) => r.idNumberEnc)}::text[],
              ${resealed.map((r) => r.cardNumberEnc)}::text[]
            ) AS v(id, id_enc, card_enc)
            WHERE c.id = v.id`;
          await writeAudit(tx, {
            actor: null,
            action: "caseNumbers.rekeyed",
            entityType: "CollectionCase",
            summary: { keyId: keyring.currentId, cases: stale.length },
          });
        }
        return { last: rows.at(-1)?.id ?? null, scanned: rows.length, rekeyed: stale.length };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
    if (!batch.last) break;
    after = batch.last;
    scanned += batch.scanned;
    rekeyed += batch.rekeyed;
    options.onBatch?.({ scanned, rekeyed });
  }
  return { ok: true, currentId: keyring.currentId, scanned, rekeyed, before, after: await countNumbersByKey() };
}
