// 立即运行: the administrator queues a run of a periodic job now. The job and the audit entry are written
// in one transaction; whichever instance's worker is free runs it, as it runs the scheduled ones.
import { writeAuditSql, type AuditActor } from "~/utils/audit.server";
import { sqlTransaction } from "~/utils/sql.server";

import { queueJobRun } from "./job-queue.server";
import type { JobKind } from "./job-rules";

type Outcome = { ok: true } | { ok: false; error: string; status: number };

export async function requestJobRun(actor: NonNullable<AuditActor>, kind: JobKind): Promise<Outcome> {
  return sqlTransaction(async (client) => {
    const id = await queueJobRun(kind, { trigger: "manual" }, (text, values) => client.query(text, values));
    // The queue holds one waiting run per kind: a second click (or a schedule due now) finds it there.
    if (!id) return { ok: false, error: "jobs.errors.alreadyQueued", status: 409 };
    await writeAuditSql(client, { actor, action: "jobs.runRequested", entityType: "Job", entityId: kind });
    return { ok: true };
  });
}
