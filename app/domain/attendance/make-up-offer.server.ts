// A missed session tells the trainee they owe a make-up, on their to-do list, in the transaction that
// made them miss it (a leave form approved, an absence marked). Accepting a make-up session closes it.
import type { Tx } from "~/utils/db.server";
import { addTodo, closeTodos } from "~/utils/todo.server";

export const MAKE_UP_TODO = { kind: "makeUp.offer", sourceType: "MakeUpOffer" } as const;

const sourceIdOf = (personId: string, missedSessionId: string) => `${missedSessionId}:${personId}`;

export async function offerMakeUp(tx: Tx, input: { personId: string; missedSessionId: string }) {
  const session = await tx.courseSession.findUniqueOrThrow({
    where: { id: input.missedSessionId },
    select: { course: { select: { title: true } } },
  });
  await addTodo(tx, {
    personId: input.personId,
    kind: MAKE_UP_TODO.kind,
    sourceType: MAKE_UP_TODO.sourceType,
    sourceId: sourceIdOf(input.personId, input.missedSessionId),
    href: "/my-make-ups",
    params: { title: session.course.title },
  });
}

/** Closes the offer (a make-up accepted, or the miss corrected: marked present after all). */
export async function closeMakeUpOffer(tx: Tx, input: { personId: string; missedSessionId: string }) {
  await closeTodos(tx, {
    sourceType: MAKE_UP_TODO.sourceType,
    sourceId: sourceIdOf(input.personId, input.missedSessionId),
    personId: input.personId,
  });
}
