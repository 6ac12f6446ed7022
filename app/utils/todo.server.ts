import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

import { isDismissable } from "./todo-rules";

// The one "待我处理" mechanism: a capability adds an item when someone must act, and closes it in
// the same transaction as the act. The page shows `todo.kinds.<kind>` with the item's params.
export type TodoInput = {
  personId: string;
  kind: string;
  sourceType: string;
  sourceId: string;
  href: string;
  params?: Record<string, string | number>;
  dueAt?: Date | null;
  /** The name of the person whose act put it there, shown as its sender. */
  from?: string | null;
};

export async function addTodo(tx: Tx, input: TodoInput) {
  const key = { personId: input.personId, kind: input.kind, sourceType: input.sourceType, sourceId: input.sourceId };
  const content = { href: input.href, params: input.params, dueAt: input.dueAt ?? null, fromName: input.from ?? null };
  await tx.todoItem.upsert({
    where: { personId_kind_sourceType_sourceId: key },
    create: { ...key, ...content, createdAt: now() },
    update: { ...content, doneAt: null, createdAt: now() },
  });
}

export async function closeTodos(
  tx: Tx,
  where: { sourceType: string; sourceId: string; kind?: string; personId?: string },
) {
  await tx.todoItem.updateMany({ where: { ...where, doneAt: null }, data: { doneAt: now() } });
}

/**
 * closeTodos as a data-modifying CTE of a plain-SQL statement, so that the act and the closing take
 * one round trip (ADR 0010). Each argument is an SQL expression of the caller's statement (a
 * parameter such as "$8", or a literal); `when`, if given, must hold for anything to close.
 */
export function closeTodosSql(expr: {
  at: string;
  sourceType: string;
  sourceId: string;
  personId: string;
  when?: string;
}): string {
  const when = expr.when ? `${expr.when} AND ` : "";
  return `UPDATE "TodoItem" SET "doneAt" = ${expr.at}::timestamptz
         WHERE ${when}"sourceType" = ${expr.sourceType} AND "sourceId" = ${expr.sourceId}
           AND "personId" = ${expr.personId} AND "doneAt" IS NULL`;
}

/** How many open to-dos the home page lists (the soonest due); it says so when there are more. */
export const TODOS_SHOWN = 50;

export function listOpenTodos(personId: string) {
  return db.todoItem.findMany({
    where: { personId, doneAt: null },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, kind: true, href: true, params: true, fromName: true, dueAt: true, createdAt: true },
    take: TODOS_SHOWN,
  });
}

export function countOpenTodos(personId: string) {
  return db.todoItem.count({ where: { personId, doneAt: null } });
}

/** Puts away one of the person's own notes; false when it is not theirs, not a note, or already put away. */
export async function dismissTodo(personId: string, todoId: string): Promise<boolean> {
  const item = await db.todoItem.findFirst({ where: { id: todoId, personId, doneAt: null }, select: { kind: true } });
  if (!item || !isDismissable(item.kind)) return false;
  const closed = await db.todoItem.updateMany({
    where: { id: todoId, personId, doneAt: null },
    data: { doneAt: now() },
  });
  return closed.count === 1;
}
