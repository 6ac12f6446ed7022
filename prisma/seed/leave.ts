// The demo's leave forms and make-ups (step 011).
import type { Tx } from "../../app/utils/db.server";

export async function seedLeave(_tx: Tx, _at: Date): Promise<void> {
  // Filled in with the leave forms (docs/decisions/0018).
}

export async function seedMakeUps(_tx: Tx, _at: Date): Promise<void> {
  // Filled in with the make-ups (docs/decisions/0018).
}
