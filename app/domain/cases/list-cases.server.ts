// The case list behind the case-work gate (case-gate.server.ts): a case assigned to a person who
// may not work it is not shown to them, not even its debtor's name. An agent who is not cleared
// gets no case at all, only their certification, so the page can say why and point to the quiz.
// Department heads read their department's cases ungated, as on the case page.
import type { Certification } from "~/domain/certification/certification-rules";
import type { Authorized } from "~/utils/auth.server";

import { caseWorkCertification } from "./case-gate.server";
import { listCases } from "./case-queries.server";

export type CaseList =
  | { gated: false; cases: Awaited<ReturnType<typeof listCases>>; certification: Certification | null }
  | { gated: true; cases: []; certification: Certification };

export async function listCasesBehindGate(auth: Authorized, filter: { assigned?: "yes" | "no" }): Promise<CaseList> {
  if (auth.scope === "own") {
    // Checked before the cases are read: nothing of them is loaded for an agent who is not cleared.
    const certification = await caseWorkCertification(auth.user.id);
    if (!certification.cleared) return { gated: true, cases: [], certification };
    return { gated: false, cases: await listCases(auth, filter), certification };
  }
  const cases = await listCases(auth, filter);
  if (!cases.some((c) => c.assignedTo?.id === auth.user.id)) return { gated: false, cases, certification: null };
  // A head who is also assigned cases is gated on those, as when opening one.
  const certification = await caseWorkCertification(auth.user.id);
  return {
    gated: false,
    cases: certification.cleared ? cases : cases.filter((c) => c.assignedTo?.id !== auth.user.id),
    certification: null,
  };
}
