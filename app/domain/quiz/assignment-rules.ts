// Pure: who is assigned the case-work quiz automatically.
type PersonState = { post: string; status: "ACTIVE" | "NEW_HIRE" | "TRANSFERRING" | "LEFT" };

// Agents in these posts work cases.
export const COLLECTION_POSTS = ["催收员", "催收组长", "外访员"] as const;

export function isCollectionPost(post: string | null | undefined): boolean {
  return COLLECTION_POSTS.some((p) => (post ?? "").includes(p));
}

/** A new hire into a collection post, or someone moving (transferring) into one, must take the quiz. */
export function autoAssignmentReason(before: PersonState | null, after: PersonState): "NEW_HIRE" | "TRANSFER" | null {
  if (after.status === "LEFT" || !isCollectionPost(after.post)) return null;
  if (!before) return "NEW_HIRE";
  if (!isCollectionPost(before.post)) return "TRANSFER";
  if (after.status === "TRANSFERRING" && before.status !== "TRANSFERRING") return "TRANSFER";
  return null;
}
