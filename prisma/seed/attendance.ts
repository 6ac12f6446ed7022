// The demo's attendance (step 011): who signed in, late or on paper at the sessions that have begun.
import type { Tx } from "../../app/utils/db.server";

export async function seedAttendance(_tx: Tx, _at: Date): Promise<void> {
  // Filled in with the roster marking (docs/decisions/0018).
}
