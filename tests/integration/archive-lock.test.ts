// After its roster is closed a session's attendance is the archive's: every way of recording attendance and
// filing leave refuses with one message; a correction is an amendment with a reason, audited; scans of the
// paper sheet are checked by their bytes; only the training clerk and manager use any of it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { MAX_SCAN_BYTES } from "~/domain/archive/archive-rules";
import { kioskSignIn } from "~/domain/attendance/kiosk-sign-in.server";
import { recordSignIn } from "~/domain/attendance/sign-in-record.server";
import { fileLeave } from "~/domain/leave/file-leave.server";
import { loader as listLoader } from "~/routes/_app.archive";
import { action as archiveAction, loader as archiveLoader } from "~/routes/_app.sessions.$sessionId.archive";
import { loader as scanLoader } from "~/routes/sessions.$sessionId.scans.$scanId";
import { freezeClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { actorOf } from "~/utils/route.server";

import { makeSession, markFields, post } from "./attendance-support";
import {
  BASE,
  cookieFor,
  demoDayAt,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "./support";

const ctx = { context: { cspNonce: "" } };
const LOCKED = "archive.locked";

async function archivePost(employeeNo: string, sessionId: string, form: Record<string, string>) {
  const cookie = await cookieFor(employeeNo);
  const path = `/sessions/${sessionId}/archive`;
  return outcome(() => archiveAction({ request: requestAs(cookie, path, { form }), params: { sessionId }, ...ctx }));
}

async function uploadAs(employeeNo: string, sessionId: string, bytes: Uint8Array, name: string) {
  const body = new FormData();
  body.append("intent", "uploadScan");
  body.append("file", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
  const request = new Request(`${BASE}/sessions/${sessionId}/archive`, {
    method: "POST",
    headers: { Origin: BASE, Cookie: await cookieFor(employeeNo) },
    body,
  });
  return outcome(() => archiveAction({ request, params: { sessionId }, ...ctx }));
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function person(employeeNo: string) {
  return db.person.findUniqueOrThrow({
    where: { employeeNo },
    select: { id: true, employeeNo: true, name: true, departmentId: true },
  });
}

let sessionId: string;
demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  ({ sessionId } = await makeSession(demoDayAt("09:00", -1)));
  freezeClock(demoDayAt("10:00"));
  await db.attendance.create({
    data: { sessionId, personId: await personId("C0101"), mark: "PRESENT", source: "QR", at: demoDayAt("08:58", -1) },
  });
  await db.attendance.create({
    data: { sessionId, personId: await personId("C0102"), mark: "ABSENT", source: "CLERK", at: demoDayAt("09:30", -1) },
  });
});
afterEach(() => setClock(null));

const close = async () =>
  expect((await archivePost("T0002", sessionId, { intent: "close", unmarkedAsAbsent: "on" })).status).toBe(302);

describe("the lock on a closed roster", () => {
  it("refuses marks, mark-all-present, QR and kiosk sign-in, and filing leave; nothing changes", async () => {
    await close();
    const before = await db.attendance.findMany({ where: { sessionId }, orderBy: { personId: "asc" } });

    const marked = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0102", "PRESENT")),
    });
    expect(marked.status).toBe(409);
    expect(marked.body).toMatchObject({ errors: { _form: LOCKED } });
    const all = await post("T0002", sessionId, { intent: "markAll" });
    expect(all.status).toBe(409);
    expect(all.body).toMatchObject({ errors: { _form: LOCKED } });

    const c0103 = await person("C0103");
    const qr = await recordSignIn({
      sessionId,
      person: c0103,
      at: demoDayAt("10:00"),
      source: "QR",
      address: "10.8.1.20",
    });
    expect(qr).toMatchObject({ ok: false, error: LOCKED });
    const kiosk = await kioskSignIn({
      sessionId,
      employeeNo: "C0103",
      password: "TrainGate-demo-2026",
      clerk: await person("T0002"),
      address: "10.8.1.20",
    });
    expect(kiosk).toMatchObject({ ok: false, error: LOCKED });

    const leave = await fileLeave(
      actorOf({ ...c0103, roles: ["EMPLOYEE"], headOfDepartmentIds: [], locale: null, mustChangePassword: false }),
      { sessionId, reasonKind: "ILLNESS", reasonText: "发烧" },
      null,
    );
    expect(leave).toMatchObject({ ok: false, error: LOCKED });
    expect(await db.leaveRequest.count({ where: { sessionId } })).toBe(0);
    expect(await db.attendance.findMany({ where: { sessionId }, orderBy: { personId: "asc" } })).toEqual(before);
  });

  it("leaves an open roster to the clerk: the same mark before closing is saved", async () => {
    const marked = await post("T0002", sessionId, {
      intent: "mark",
      ...(await markFields(sessionId, "C0103", "LATE")),
    });
    expect(marked.status).toBe(302);
  });
});

describe("amendments", () => {
  const recordOf = async (employeeNo: string) =>
    db.trainingRecord.findUniqueOrThrow({
      where: { sessionId_personId: { sessionId, personId: await personId(employeeNo) } },
      include: { amendments: true },
    });

  it("without a reason are refused with 400 and change nothing", async () => {
    await close();
    const record = await recordOf("C0102");
    const audits = await db.auditEntry.count();
    const result = await archivePost("T0002", sessionId, {
      intent: "amend",
      recordId: record.id,
      outcome: "EXCUSED",
      reason: "   ",
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      errors: { reason: "archive.amend.reasonRequired" },
      values: { outcome: "EXCUSED" },
    });
    expect(await recordOf("C0102")).toEqual(record);
    expect(await db.trainingRecordAmendment.count({ where: { record: { sessionId } } })).toBe(0);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("change the record, keep what it said, and are audited with from and to", async () => {
    await close();
    const record = await recordOf("C0102");
    const result = await archivePost("T0002", sessionId, {
      intent: "amend",
      recordId: record.id,
      outcome: "PRESENT",
      reason: "纸质签到表上有本人签名，录入时漏看",
    });
    expect(result.status).toBe(302);
    const after = await recordOf("C0102");
    expect(after).toMatchObject({ outcome: "PRESENT", minutes: 120, makeUpOwed: false, amendedAt: demoDayAt("10:00") });
    expect(after.amendments).toEqual([
      expect.objectContaining({
        fromOutcome: "ABSENT",
        toOutcome: "PRESENT",
        fromMinutes: 0,
        toMinutes: 120,
        reason: "纸质签到表上有本人签名，录入时漏看",
        byId: await personId("T0002"),
      }),
    ]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "archive.amended", entityId: record.id } });
    expect(audit).toMatchObject({
      actorEmployeeNo: "T0002",
      summary: { from: { outcome: "ABSENT", minutes: 0 }, to: { outcome: "PRESENT", minutes: 120 } },
    });
    // The page shows the history.
    const seen = await outcome(async () =>
      archiveLoader({
        request: requestAs(await cookieFor("T0001"), `/sessions/${sessionId}/archive`),
        params: { sessionId },
        ...ctx,
      }),
    );
    const row = (
      seen.body as { page: { rows: Array<{ employeeNo: string; record: { amendments: unknown[] } }> } }
    ).page.rows.find((r) => r.employeeNo === "C0102");
    expect(row?.record.amendments).toHaveLength(1);
  });
});

describe("scans of the paper sheet", () => {
  it("are kept before closing, downloaded by the clerk with nosniff and a sandbox", async () => {
    const done = await uploadAs("T0002", sessionId, PDF, "签到表.png");
    expect(done.status).toBe(302);
    const scan = await db.sessionScan.findFirstOrThrow({ where: { sessionId } });
    expect(scan).toMatchObject({ mimeType: "application/pdf", fileName: "签到表.pdf", sizeBytes: PDF.byteLength });
    expect(await db.auditEntry.count({ where: { action: "archive.scanUploaded", entityId: sessionId } })).toBe(1);
    const download = await scanLoader({
      request: requestAs(await cookieFor("T0001"), "/x"),
      params: { sessionId, scanId: scan.id },
      ...ctx,
    });
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.headers.get("Content-Security-Policy")).toMatch(/sandbox/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
  });

  it("are kept after closing too", async () => {
    await close();
    expect((await uploadAs("T0002", sessionId, PDF, "sheet.pdf")).status).toBe(302);
  });

  it("of the wrong type or over 10 MB are refused with a message, nothing stored", async () => {
    const html = await uploadAs(
      "T0002",
      sessionId,
      new TextEncoder().encode("<html><script>alert(1)</script>"),
      "a.pdf",
    );
    expect(html.status).toBe(400);
    expect(html.body).toMatchObject({ errors: { file: "archive.scan.refusedType" } });
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(PDF);
    const large = await uploadAs("T0002", sessionId, big, "big.pdf");
    expect(large.status).toBe(400);
    expect(large.body).toMatchObject({ errors: { file: "archive.scan.tooLarge" } });
    expect(await db.sessionScan.count({ where: { sessionId } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "archive.scanUploaded", entityId: sessionId } })).toBe(0);
  });
});

describe("scope", () => {
  it("an agent and a department head get 403 on the archive pages, their actions and the scans", async () => {
    const scan = await db.sessionScan.create({
      data: {
        sessionId,
        fileName: "a.pdf",
        mimeType: "application/pdf",
        sizeBytes: PDF.byteLength,
        bytes: PDF,
        uploadedById: await personId("T0002"),
        uploadedAt: demoDayAt("09:00"),
      },
    });
    for (const who of ["C0101", "D0101"]) {
      const cookie = await cookieFor(who);
      const path = `/sessions/${sessionId}/archive`;
      const calls = [
        () => listLoader({ request: requestAs(cookie, "/archive"), params: {}, ...ctx }),
        () => archiveLoader({ request: requestAs(cookie, path), params: { sessionId }, ...ctx }),
        () =>
          archiveAction({
            request: requestAs(cookie, path, { form: { intent: "close", unmarkedAsAbsent: "on" } }),
            params: { sessionId },
            ...ctx,
          }),
        () => scanLoader({ request: requestAs(cookie, "/x"), params: { sessionId, scanId: scan.id }, ...ctx }),
      ];
      for (const call of calls) expect((await outcome(call)).status, who).toBe(403);
      expect((await uploadAs(who, sessionId, PDF, "x.pdf")).status, who).toBe(403);
    }
    expect(await db.rosterClosure.count({ where: { sessionId } })).toBe(0);
    expect(await db.sessionScan.count({ where: { sessionId } })).toBe(1);
  });
});
