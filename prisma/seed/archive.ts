// The demo's training archive (step 012): every session of an approved course that ended before the seed's day
// has its roster closed by the clerk T0002 through the archive's own use-case (the unmarked recorded as absent),
// which writes the training records and opens the course surveys. Two sessions keep a scan of their paper sheet,
// and one record carries an amendment with its reason. Generic: it closes whatever has ended, in end order.
import { amendRecordIn } from "../../app/domain/archive/amend-record.server";
import { closeRosterIn } from "../../app/domain/archive/close-roster.server";
import { uploadScanIn } from "../../app/domain/archive/upload-scan.server";
import { companyDay } from "../../app/utils/company-calendar";
import type { Tx } from "../../app/utils/db.server";
import type { Actor } from "../../app/utils/route.server";

import { DEMO_ZONE } from "./demo-calendar";

const HOUR = 3_600_000;

/** A one-page PDF, small and valid (its cross-reference table points at the right bytes). */
export function tinyPdf(text: string): Uint8Array {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export async function seedArchive(tx: Tx, at: Date): Promise<void> {
  const clerk = await tx.person.findUniqueOrThrow({
    where: { employeeNo: "T0002" },
    select: { id: true, employeeNo: true, name: true, departmentId: true },
  });
  const actor: Actor = { ...clerk, roles: ["TRAINING_CLERK", "EMPLOYEE"], headOfDepartmentIds: [] };
  const dayStart = companyDay(at, DEMO_ZONE).start;
  const ended = await tx.courseSession.findMany({
    where: {
      endsAt: { lt: dayStart },
      closure: null,
      course: {
        approval: { state: "APPROVED" },
        OR: [{ delivery: { is: null } }, { delivery: { isNot: { state: "CANCELLED" } } }],
      },
    },
    // In end order, so a make-up closed later settles the missed session's record closed before it.
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    select: { id: true, endsAt: true },
  });
  for (const session of ended) {
    // The clerk closes a sheet the afternoon after the session, never later than the seed's instant.
    const closedAt = new Date(Math.min(session.endsAt.getTime() + 2 * HOUR, at.getTime()));
    const closed = await closeRosterIn(tx, actor, session.id, { unmarkedAsAbsent: true }, closedAt);
    if (!closed.ok) throw new Error(`seedArchive: ${session.id}: ${closed.error}`);
  }
  // The latest two closed sessions keep a scan of their signed paper sheet.
  for (const session of ended.slice(-2)) {
    const uploaded = await uploadScanIn(
      tx,
      actor,
      session.id,
      { name: "签到表扫描件.pdf", bytes: tinyPdf(`Sign-in sheet ${session.id}`) },
      new Date(Math.min(session.endsAt.getTime() + 3 * HOUR, at.getTime())),
    );
    if (!uploaded.ok) throw new Error(`seedArchive scan: ${uploaded.error}`);
  }
  // An absence that turned out to be a sick day with a doctor's note brought in afterwards.
  const absent = await tx.trainingRecord.findFirst({
    where: { outcome: "ABSENT", sessionId: { in: ended.map((s) => s.id) } },
    orderBy: [{ endsAt: "desc" }, { personId: "asc" }],
    select: { id: true, sessionId: true, endsAt: true },
  });
  if (absent) {
    const amended = await amendRecordIn(
      tx,
      actor,
      absent.sessionId,
      { recordId: absent.id, outcome: "EXCUSED", reason: "事后补交医院病假条，经部门负责人确认按请假处理" },
      new Date(Math.min(absent.endsAt.getTime() + 26 * HOUR, at.getTime())),
    );
    if (!amended.ok) throw new Error(`seedArchive amendment: ${amended.error}`);
  }
}
