// A department's needs form: lines added, changed and removed while it is a draft, then submitted.
import { writeAudit } from "~/utils/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { can, type RoleName } from "~/utils/permissions";
import { addTodo, closeTodos } from "~/utils/todo.server";

import { fillTodo, headsOf } from "./needs-people.server";
import { isPastDeadline, mayEditForm } from "./needs-rules";
import type { NeedItemInput } from "./needs.schema";

export type FormActor = { id: string; employeeNo: string; roles: RoleName[] };
export type FormOutcome = { ok: true; id: string } | { ok: false; error: string; status: 400 | 404 | 409 };

const notFound = { ok: false as const, error: "errors.notFound", status: 404 as const };

// Loads the form within the actor's departments (null = all) and takes its row lock while it is a draft.
async function lockEditable(tx: Tx, actor: FormActor, formId: string, scope: string[] | null) {
  const form = await tx.departmentNeedsForm.findUnique({
    where: { id: formId },
    include: { survey: true, department: { select: { name: true } } },
  });
  if (!form || (scope && !scope.includes(form.departmentId))) return { error: notFound };
  const locked = await tx.departmentNeedsForm.updateMany({
    where: { id: formId, status: "DRAFT" },
    data: { updatedAt: now() },
  });
  const isManager = can(actor.roles, "manage:needs-survey");
  if (locked.count === 0) return { error: { ok: false as const, error: "needs.formSubmitted", status: 409 as const } };
  if (!mayEditForm(form, form.survey, now(), isManager)) {
    const error =
      form.survey.status === "CLOSED"
        ? "needs.surveyClosed"
        : isPastDeadline(form.survey, now())
          ? "needs.pastDeadline"
          : "needs.formSubmitted";
    return { error: { ok: false as const, error, status: 409 as const } };
  }
  return { form };
}

const itemData = (input: NeedItemInput) => ({
  topic: input.topic,
  category: input.category,
  targetPeople: input.targetPeople,
  headcount: input.headcount,
  months: input.months,
  hoursTenths: input.hours,
  delivery: input.delivery,
  costFen: input.cost,
  priority: input.priority,
  reason: input.reason,
  problemArea: input.problemArea ?? null,
});

export async function saveNeedItem(
  actor: FormActor,
  scope: string[] | null,
  formId: string,
  itemId: string | null,
  input: NeedItemInput,
): Promise<FormOutcome> {
  return db.$transaction(async (tx) => {
    const { form, error } = await lockEditable(tx, actor, formId, scope);
    if (error) return error;
    const data = itemData(input);
    let id = itemId;
    if (itemId) {
      const updated = await tx.needItem.updateMany({ where: { id: itemId, formId }, data });
      if (updated.count === 0) return notFound;
    } else {
      id = (await tx.needItem.create({ data: { ...data, formId } })).id;
    }
    await writeAudit(tx, {
      actor,
      action: itemId ? "needsForm.itemUpdated" : "needsForm.itemAdded",
      entityType: "DepartmentNeedsForm",
      entityId: form.id,
      summary: { item: id, department: form.department.name, ...data },
    });
    return { ok: true as const, id: id! };
  });
}

export async function deleteNeedItem(
  actor: FormActor,
  scope: string[] | null,
  formId: string,
  itemId: string,
): Promise<FormOutcome> {
  return db.$transaction(async (tx) => {
    const { form, error } = await lockEditable(tx, actor, formId, scope);
    if (error) return error;
    const item = await tx.needItem.findFirst({ where: { id: itemId, formId } });
    if (!item) return notFound;
    await tx.needItem.delete({ where: { id: itemId } });
    await writeAudit(tx, {
      actor,
      action: "needsForm.itemDeleted",
      entityType: "DepartmentNeedsForm",
      entityId: form.id,
      summary: { item: itemId, topic: item.topic, department: form.department.name },
    });
    return { ok: true as const, id: form.id };
  });
}

/** Submits the form; a second submission (double click, back button) finds it submitted and changes nothing. */
export async function submitNeedsForm(actor: FormActor, scope: string[] | null, formId: string): Promise<FormOutcome> {
  return db.$transaction(async (tx) => {
    const { form, error } = await lockEditable(tx, actor, formId, scope);
    if (error) return error;
    await tx.departmentNeedsForm.update({
      where: { id: formId },
      data: { status: "SUBMITTED", reopened: false, submittedAt: now(), submittedById: actor.id },
    });
    await closeTodos(tx, { sourceType: "DepartmentNeedsForm", sourceId: formId });
    const items = await tx.needItem.count({ where: { formId } });
    await writeAudit(tx, {
      actor,
      action: "needsForm.submitted",
      entityType: "DepartmentNeedsForm",
      entityId: formId,
      summary: { department: form.department.name, year: form.survey.year, items },
    });
    return { ok: true as const, id: formId };
  });
}

/** The training manager returns a submitted (or late) form to be refilled; its department heads are told why. */
export async function reopenNeedsForm(actor: FormActor, formId: string, reason: string): Promise<FormOutcome> {
  return db.$transaction(async (tx) => {
    const form = await tx.departmentNeedsForm.findUnique({
      where: { id: formId },
      include: { survey: true, department: { select: { name: true } } },
    });
    if (!form) return notFound;
    if (form.survey.status !== "OPEN") return { ok: false as const, error: "needs.surveyClosed", status: 409 as const };
    const updated = await tx.departmentNeedsForm.updateMany({
      where: { id: formId, updatedAt: form.updatedAt },
      data: { status: "DRAFT", reopened: true },
    });
    if (updated.count === 0) return { ok: false as const, error: "errors.conflict", status: 409 as const };
    for (const personId of await headsOf(tx, form.departmentId)) {
      await addTodo(tx, {
        ...fillTodo(form.surveyId, formId),
        kind: "needs.refill",
        personId,
        params: { year: form.survey.year, department: form.department.name, reason },
      });
    }
    await writeAudit(tx, {
      actor,
      action: "needsForm.reopened",
      entityType: "DepartmentNeedsForm",
      entityId: formId,
      reason,
      summary: { department: form.department.name, year: form.survey.year },
    });
    return { ok: true as const, id: formId };
  });
}
