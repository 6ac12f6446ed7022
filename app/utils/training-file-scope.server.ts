// Whose file a reader may open, decided in one place for the page, the print and the workbook:
// everyone their own; a department head the people of the departments they head (teams included);
// the training department, the general manager and the leader everyone.
import { departmentIdsInScope, type Authorized } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

/** The person's id when the reader may open their file; throws 404 (no such person) or 403 (not theirs to read). */
export async function requireFileInScope(auth: Authorized, personId: string): Promise<string> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { id: true, departmentId: true } });
  if (!person) throw new Response("Not found", { status: 404 });
  if (person.id === auth.user.id) return person.id;
  const scope = await departmentIdsInScope(auth);
  if (scope && !scope.includes(person.departmentId)) throw new Response("Forbidden", { status: 403 });
  return person.id;
}
