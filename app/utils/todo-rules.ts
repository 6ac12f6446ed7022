// Pure: which to-do items only tell something (an approval, a withdrawal, a cancellation, what became of a
// department's needs) and so are put away by the person reading them; every other item closes when its work
// is done.
const NOTE_SUFFIXES = [".approved", ".withdrawn"];
const NOTE_KINDS = new Set(["course.cancelled", "needs.outcomesMarked"]);

export function isDismissable(kind: string): boolean {
  return NOTE_KINDS.has(kind) || NOTE_SUFFIXES.some((suffix) => kind.endsWith(suffix));
}
