import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ConfirmDelete } from "~/components/confirm";
import { BatchBadge, BatchSelect } from "~/components/course/batches-panel";
import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { RoomSelect } from "~/components/scheduling/room-select";
import { useFormat } from "~/components/use-format";
import { AttendeesSchema, ATTENDEE_STATUSES, SessionSchema } from "~/domain/course/course.schema";
import { ACCEPT, MAX_MATERIAL_BYTES } from "~/domain/course/material-rules";
import type { FieldErrors, FormValues } from "~/utils/validation";

type Values = FormValues;
type Feedback = { errors?: FieldErrors | null; values?: Values | null };

function RemoveButton({ intent, name, value, label }: { intent: string; name: string; value: string; label: string }) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={name} value={value} />
      <button type="submit" className="text-sm text-red-700 hover:underline">
        {label}
      </button>
    </Form>
  );
}

type Room = { id: string; name: string; capacity: number; equipment: string };

/** How many batches the course has; with the batches form's refused values, to refill its selects. */
type Batching = { count: number; values?: Values | null };

/** A row's batch: a select of the batches form while editable, a badge once the course is split. */
function RowBatch({
  name,
  batch,
  batching,
  editable,
  label,
}: {
  name: string;
  batch: number;
  batching: Batching;
  editable: boolean;
  label: string;
}) {
  if (batching.count <= 1) return null;
  const sent = batching.values?.[name];
  return editable ? (
    <BatchSelect name={name} count={batching.count} value={typeof sent === "string" ? sent : batch} label={label} />
  ) : (
    <BatchBadge batch={batch} />
  );
}

/** The batch new rows go into, in the add forms of a course split into batches. */
function NewRowsBatch({ count, register }: { count: number; register: (name: string) => object }) {
  const { t } = useTranslation();
  if (count <= 1) return null;
  return (
    <Field label={t("course.batches.batch")} name="batch">
      <select id="batch" className="input" {...register("batch")}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i + 1} value={i + 1}>
            {t("course.batches.batchN", { n: i + 1 })}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Sessions({
  sessions,
  rooms,
  outside,
  editable,
  feedback,
  batching,
}: {
  sessions: Array<{ id: string; date: string; start: string; end: string; location: string; batch: number }>;
  /** The rooms a session can be put in; training held outside (外部培训, 集团培训) types its venue instead. */
  rooms: Room[];
  outside: boolean;
  editable: boolean;
  feedback?: Feedback;
  batching: Batching;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { register, onSubmit, errorOf } = useSchemaForm(SessionSchema, {
    defaultValues: feedback?.values ?? {},
    serverErrors: feedback?.errors,
  });
  return (
    <section className="card p-4">
      <h2 className="mb-2 font-semibold">{t("course.fields.sessions")}</h2>
      {sessions.length === 0 ? (
        <p className="text-sm text-slate-500">{t("course.session.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium tabular-nums">{t("course.session.when", s)}</span>{" "}
                <span className="text-slate-600">· {s.location}</span>
              </span>
              <RowBatch
                name={`session:${s.id}`}
                batch={s.batch}
                batching={batching}
                editable={editable}
                label={t("course.batches.sessionBatch", { when: t("course.session.when", s) })}
              />
              {editable ? (
                <ConfirmDelete
                  label={t("course.session.delete")}
                  name={`${t("course.session.when", s)} · ${s.location}`}
                  fields={{ intent: "deleteSession", sessionId: s.id }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form
          method="post"
          onSubmit={onSubmit}
          noValidate
          className={[
            "mt-3",
            "grid",
            "grid-cols-2",
            "gap-3",
            "border-t",
            "border-slate-100",
            "pt-3",
            batching.count > 1
              ? "sm:grid-cols-[10rem_7rem_7rem_1fr_8rem_auto]"
              : "sm:grid-cols-[10rem_7rem_7rem_1fr_auto]",
            "sm:items-start",
          ].join(" ")}
        >
          <input type="hidden" name="intent" value="addSession" />
          <Field label={t("course.session.date")} name="date" error={errorOf("date")}>
            <input id="date" type="date" className="input" {...register("date")} />
          </Field>
          <Field label={t("course.session.start")} name="start" error={errorOf("start")}>
            <input id="start" type="time" className="input" {...register("start")} />
          </Field>
          <Field label={t("course.session.end")} name="end" error={errorOf("end")}>
            <input id="end" type="time" className="input" {...register("end")} />
          </Field>
          {outside ? (
            <Field label={t("course.session.venue")} name="location" error={errorOf("location")}>
              <input id="location" className="input" {...register("location")} />
            </Field>
          ) : (
            <Field label={t("course.session.room")} name="roomId" error={errorOf("roomId")}>
              <RoomSelect id="roomId" rooms={rooms} {...register("roomId")} />
            </Field>
          )}
          <NewRowsBatch count={batching.count} register={register} />
          <button type="submit" className="btn-primary col-span-2 sm:col-span-1 sm:mt-6" disabled={busy}>
            {t("course.session.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

type Attendee = {
  id: string;
  employeeNo: string;
  name: string;
  post: string;
  status: string;
  department: string;
  batch: number;
};

export function Attendees({
  attendees,
  count,
  capacity,
  scoped,
  editable,
  options,
  feedback,
  batching,
}: {
  attendees: Attendee[];
  count: number;
  capacity: number;
  scoped: boolean;
  editable: boolean;
  options: { departments: Array<{ id: string; name: string }>; posts: string[] };
  feedback?: Feedback;
  batching: Batching;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { register, onSubmit, errorOf } = useSchemaForm(AttendeesSchema, {
    defaultValues: feedback?.values ?? {},
    serverErrors: feedback?.errors,
  });
  const select = (name: string, items: Array<{ value: string; label: string }>) => (
    <Field
      label={t(`course.attendee.${name === "departmentId" ? "department" : name}`)}
      name={name}
      error={errorOf(name)}
    >
      <select id={name} className="input" {...register(name)}>
        <option value="">{t("course.attendee.any")}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <section className="card p-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">{t("course.fields.attendees")}</h2>
        <span className={`text-sm tabular-nums ${count > capacity ? "font-semibold text-red-700" : "text-slate-600"}`}>
          {t("course.attendee.count", { count, capacity })}
        </span>
      </div>
      {scoped ? <p className="mb-2 text-xs text-slate-500">{t("course.attendee.scopeNote")}</p> : null}
      {editable ? (
        <Form method="post" onSubmit={onSubmit} noValidate className="mb-3 space-y-3 rounded-md bg-slate-50 p-3">
          <input type="hidden" name="intent" value="addAttendees" />
          <FormAlert message={errorOf("_form")} />
          <p className="text-sm font-medium">{t("course.attendee.byCriteria")}</p>
          <div className="grid gap-3 sm:grid-cols-3">
            {select(
              "departmentId",
              options.departments.map((d) => ({ value: d.id, label: d.name })),
            )}
            {select(
              "post",
              options.posts.map((p) => ({ value: p, label: p })),
            )}
            {select(
              "status",
              ATTENDEE_STATUSES.map((s) => ({ value: s, label: t(`course.attendee.statuses.${s}`) })),
            )}
          </div>
          <p className="text-sm font-medium">{t("course.attendee.byName")}</p>
          <Field
            label={t("course.attendee.names")}
            name="names"
            error={errorOf("names")}
            hint={t("course.attendee.namesHint")}
          >
            <input id="names" className="input" {...register("names")} />
          </Field>
          <div className="sm:w-48">
            <NewRowsBatch count={batching.count} register={register} />
          </div>
          <div className="flex justify-end">
            <button type="submit" className="btn-primary" disabled={busy}>
              {t("course.attendee.add")}
            </button>
          </div>
        </Form>
      ) : null}
      {attendees.length === 0 ? (
        <p className="text-sm text-slate-500">{t("course.attendee.none")}</p>
      ) : (
        <div className="max-h-96 overflow-auto">
          <table className="table">
            <tbody className="divide-y divide-slate-100">
              {attendees.map((a) => (
                <tr key={a.id}>
                  <td className="font-mono text-xs text-slate-500">{a.employeeNo}</td>
                  <td>{a.name}</td>
                  {batching.count > 1 ? (
                    <td>
                      <RowBatch
                        name={`attendee:${a.id}`}
                        batch={a.batch}
                        batching={batching}
                        editable={editable}
                        label={t("course.batches.attendeeBatch", { name: a.name })}
                      />
                    </td>
                  ) : null}
                  <td className="text-slate-600">{a.department}</td>
                  <td className="text-slate-600">
                    {a.post}
                    {a.status !== "ACTIVE" ? (
                      <span className="badge ml-2 bg-emerald-50 text-emerald-700">
                        {t(`course.attendee.statuses.${a.status}`)}
                      </span>
                    ) : null}
                  </td>
                  <td className="text-right">
                    {editable ? (
                      <RemoveButton
                        intent="removeAttendee"
                        name="personId"
                        value={a.id}
                        label={t("course.attendee.remove")}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Materials({
  courseId,
  materials,
  editable,
  error,
}: {
  courseId: string;
  materials: Array<{ id: string; fileName: string; sizeBytes: number; uploadedAt: string | Date }>;
  editable: boolean;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const busy = useNavigation().state === "submitting";
  const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
  return (
    <section className="card p-4">
      <h2 className="mb-2 font-semibold">{t("course.fields.materials")}</h2>
      <FormAlert message={error} />
      {materials.length === 0 ? (
        <p className="text-sm text-slate-500">{t("course.material.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {materials.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a
                href={`/courses/${courseId}/materials/${m.id}`}
                className="min-w-0 break-all text-brand-700 hover:underline"
              >
                {m.fileName}
              </a>
              <span className="flex items-center gap-3 text-xs text-slate-500">
                {kb(m.sizeBytes)} · {format.dateTime(m.uploadedAt)}
                {editable ? (
                  <RemoveButton
                    intent="deleteMaterial"
                    name="materialId"
                    value={m.id}
                    label={t("course.material.delete")}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3"
        >
          <div className="min-w-0 flex-1">
            <label className="label" htmlFor="file">
              {t("course.material.file")}
            </label>
            <input
              id="file"
              name="file"
              type="file"
              required
              accept={ACCEPT}
              className="input"
              aria-describedby="file-hint"
            />
            <p id="file-hint" className="mt-1 text-xs text-slate-500">
              {t("course.material.hint", { max: MAX_MATERIAL_BYTES / 1024 / 1024 })}
            </p>
          </div>
          <button type="submit" className="btn-primary mb-5" disabled={busy}>
            {t("course.material.upload")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
