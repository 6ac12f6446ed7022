import { randomUUID } from "node:crypto";

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

/** Puts the item on the person's list, or brings back (open, now, with this content) the one with the same key. */
export async function addTodo(tx: Tx, input: TodoInput) {
  await addTodos(tx, [input]);
}

/**
 * addTodo for many people in one statement: a rule change reaches every certified agent, a course's last closed
 * roster everyone who attended it (thousands at a company's size, one upsert each before). Of two items with the
 * same key the later one counts, as two addTodo calls in turn would have it. An item without params keeps the
 * params it had.
 */
export async function addTodos(tx: Tx, inputs: readonly TodoInput[]) {
  if (inputs.length === 0) return;
  const byKey = new Map<string, TodoInput>();
  for (const input of inputs)
    byKey.set(JSON.stringify([input.personId, input.kind, input.sourceType, input.sourceId]), input);
  const rows = [...byKey.values()].map((input) => ({
    id: randomUUID(),
    personId: input.personId,
    kind: input.kind,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    href: input.href,
    // Left out rather than null: a JSON null would be stored as the JSON value null, not as no params.
    ...(input.params === undefined ? {} : { params: input.params }),
    fromName: input.from ?? null,
    dueAt: input.dueAt?.toISOString() ?? null,
  }));
  // The columns are timestamps in UTC without a zone: instants are converted explicitly, whatever the session's zone.
  await tx.$executeRaw`
    INSERT INTO "TodoItem"
           (id, "personId", kind, "sourceType", "sourceId", href, params, "fromName", "dueAt", "createdAt")
    SELECT r.id, r."personId", r.kind, r."sourceType", r."sourceId", r.href, r.params, r."fromName",
           r."dueAt" AT TIME ZONE 'UTC', ${now().toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "personId" text, kind text,
           "sourceType" text, "sourceId" text, href text, params jsonb, "fromName" text, "dueAt" timestamptz)
    ON CONFLICT ("personId", kind, "sourceType", "sourceId") DO UPDATE
       SET href = EXCLUDED.href, params = COALESCE(EXCLUDED.params, "TodoItem".params),
           "fromName" = EXCLUDED."fromName", "dueAt" = EXCLUDED."dueAt", "doneAt" = NULL,
           "createdAt" = EXCLUDED."createdAt"`;
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
