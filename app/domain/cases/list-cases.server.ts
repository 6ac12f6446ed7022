// The case list behind the case-work gate (case-gate.server.ts): a case assigned to a person who
// may not work it is not shown to them, not even its debtor's name. An agent who is not cleared
// gets no case at all, only their certification, so the page can say why and point to the quiz.
// Department heads read their department's cases ungated, as on the case page.
import type { Certification } from "~/domain/certification/certification-rules";
import type { Authorized } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

import { caseWorkCertification } from "./case-gate.server";
import type { CaseListQuery } from "./case-list-rules";
import { caseScopeWhere, listCases } from "./case-queries.server";

type CasePage = Awaited<ReturnType<typeof listCases>>;
export type CaseList =
  | ({ gated: false; certification: Certification | null } & CasePage)
  | { gated: true; cases: []; total: 0; next: null; previous: null; certification: Certification };

export async function listCasesBehindGate(auth: Authorized, query: CaseListQuery): Promise<CaseList> {
  if (auth.scope === "own") {
    // Checked before the cases are read: nothing of them is loaded for an agent who is not cleared.
    const certification = await caseWorkCertification(auth.user.id);
    if (!certification.cleared) return { gated: true, cases: [], total: 0, next: null, previous: null, certification };
    return { gated: false, ...(await listCases(auth, query)), certification };
  }
  // A head who is also assigned cases is gated on those, as when opening one: left out of the
  // query itself, so the pages and the total count only what the head may see.
  const ownCases = await db.collectionCase.count({
    where: { AND: [await caseScopeWhere(auth), { assignedToId: auth.user.id }] },
  });
  const cleared = ownCases === 0 || (await caseWorkCertification(auth.user.id)).cleared;
  // Spelt out: NOT (assignedToId = …) would leave out the unassigned cases too (NULL).
  const exclude = cleared ? [] : [{ OR: [{ assignedToId: null }, { assignedToId: { not: auth.user.id } }] }];
  return { gated: false, ...(await listCases(auth, query, exclude)), certification: null };
}
