// A scan of the signed paper sheet, kept with the session before or after its roster is closed (the
// paper is filed either way). The bytes are checked for what they are, not for what the name says.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { Actor, Failure } from "~/utils/route.server";
import type { UploadedFile } from "~/utils/upload.server";

import { checkScan } from "./archive-rules";

type ScanOutcome = { ok: true; scanId: string } | Failure;

export async function uploadScan(actor: Actor, sessionId: string, file: UploadedFile | null): Promise<ScanOutcome> {
  return db.$transaction((tx) => uploadScanIn(tx, actor, sessionId, file, now()));
}

/** The upload inside a caller's transaction (the demo seed keeps a scan or two in its own). */
export async function uploadScanIn(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  file: UploadedFile | null,
  at: Date,
): Promise<ScanOutcome> {
  if (!file) return { ok: false, error: "archive.scan.empty", field: "file" };
  const check = checkScan(file.name, file.bytes);
  if (!check.ok)
    return {
      ok: false,
      error: check.error,
      field: "file",
      status: check.error === "archive.scan.tooLarge" ? 413 : 400,
    };
  const session = await tx.courseSession.findFirst({
    where: { id: sessionId, course: { approval: { state: "APPROVED" } } },
    select: { id: true, course: { select: { title: true } } },
  });
  if (!session) return { ok: false as const, error: "errors.notFound", status: 404 };
  const scan = await tx.sessionScan.create({
    data: {
      sessionId,
      fileName: check.fileName,
      mimeType: check.mime,
      sizeBytes: file.bytes.byteLength,
      // A copy the database client takes as it is (an upload may be a view of a shared buffer).
      bytes: new Uint8Array(file.bytes),
      uploadedById: actor.id,
      uploadedAt: at,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: "archive.scanUploaded",
    entityType: "CourseSession",
    entityId: sessionId,
    summary: { title: session.course.title, scanId: scan.id, fileName: check.fileName, size: file.bytes.byteLength },
  });
  return { ok: true as const, scanId: scan.id };
}
