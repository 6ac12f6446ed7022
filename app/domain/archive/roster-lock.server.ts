// A closed roster is the archive's record: from then on no way of recording attendance may change it, and
// nobody may file leave for the session. Every such way asks here, so they refuse with the same message.
import { db, type Tx } from "~/utils/db.server";

export const ROSTER_LOCKED = "archive.locked";

/** Whether the session's roster has been closed (read in the caller's transaction when it has one). */
export async function rosterClosed(sessionId: string, client: Tx | typeof db = db): Promise<boolean> {
  return (await client.rosterClosure.count({ where: { sessionId } })) > 0;
}
