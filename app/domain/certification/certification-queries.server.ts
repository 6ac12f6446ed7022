// Reads of the case-work certification for one person (the case-work gate) or many (lists, the board),
// from the stored certification (certification-store.server.ts), which equals the one certification
// function over each person's full history at the instant of the read.
import type { Certification } from "./certification-rules";
import { storedCertifications, storedClearances } from "./certification-store.server";

export { caseWorkQuizId, certificationPolicy, signedOffAssessments } from "./certification-inputs.server";

/** Certification of each given person (all of them: persons without attempts are "never"). */
export async function certificationsFor(persons: ReadonlyArray<{ id: string }>): Promise<Map<string, Certification>> {
  return storedCertifications(persons.map((p) => p.id));
}

/** Only the status and whether cleared, of each given person: what a list of many people shows. */
export async function clearancesFor(
  persons: ReadonlyArray<{ id: string }>,
): Promise<Map<string, Pick<Certification, "status" | "cleared">>> {
  return storedClearances(persons.map((p) => p.id));
}

/** What the case-work gate reads: is this person cleared to work cases right now, why, and until when. */
export async function getCaseWorkClearance(personId: string): Promise<Certification | null> {
  return (await storedCertifications([personId])).get(personId) ?? null;
}
