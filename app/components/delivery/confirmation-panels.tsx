// The confirmations page's panels: the course as the heads confirm it, the clerk's overview with request
// and remind, and a head's attendees with confirm, swap and withdraw. Plain forms: they work without JS.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { useFormat } from "~/components/use-format";

type When = string | Date | null;
type Feedback = {
  intent: string | null;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
} | null;
type Status = {
  departmentId: string;
  department: string;
  attendees: number;
  heads: string[];
  requested: boolean;
  state: string | null;
  confirmedAt: When;
  confirmedByName: string | null;
  remindedAt: When;
};
type Person = { id: string; employeeNo: string; name: string; post: string; team: string };
type Section = Status & { people: Person[]; eligible: Person[] };
type Page = {
  course: { id: string; title: string; outline: string; lecturer: { name: string; org: string } };
  sessions: Array<{ id: string; date: string; start: string; end: string; location: string }>;
  confirmBy: When;
  proposedDeadline: string;
  mayAct: boolean;
  closedReason: string | null;
  overview: Status[];
  canManage: boolean;
  changed: boolean;
  headConfirmDays: number;
};

const value = (feedback: Feedback, name: string) => {
  const v = feedback?.values[name];
  return typeof v === "string" ? v : undefined;
};

export function CourseFacts({ page }: { page: Page }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { course } = page;
  return (
    <section className="card space-y-3 p-4 sm:p-5">
      <h2 className="text-base font-semibold">{t("confirmations.course.heading")}</h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">{t("confirmations.course.lecturer")}</dt>
        <dd>
          {course.lecturer.name}
          {course.lecturer.org ? <span className="text-slate-500"> · {course.lecturer.org}</span> : null}
        </dd>
        <dt className="text-slate-500">{t("confirmations.course.sessions")}</dt>
        <dd>
          {page.sessions.length === 0 ? t("confirmations.course.noSessions") : null}
          <ul className="space-y-1">
            {page.sessions.map((s) => (
              <li key={s.id}>
                {s.date} {s.start}–{s.end} · {s.location}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="text-slate-500">{t("confirmations.deadline")}</dt>
        <dd>
          {page.confirmBy ? format.dateTime(page.confirmBy) : t("confirmations.notRequestedYet")}
          {page.confirmBy && !page.mayAct ? <span className="badge ml-2">{t("confirmations.closed")}</span> : null}
        </dd>
        <dt className="text-slate-500">{t("confirmations.course.outline")}</dt>
        <dd className="whitespace-pre-line">{course.outline}</dd>
      </dl>
    </section>
  );
}

function StateBadge({ row }: { row: Status }) {
  const { t } = useTranslation();
  if (row.heads.length === 0) return <span className="badge">{t("confirmations.overview.noHead")}</span>;
  if (!row.requested) return <span className="badge">{t("confirmations.overview.notRequested")}</span>;
  return row.state === "CONFIRMED" ? (
    <span className="badge bg-emerald-100 text-emerald-800">{t("confirmations.overview.confirmed")}</span>
  ) : (
    <span className="badge bg-amber-100 text-amber-800">{t("confirmations.overview.pending")}</span>
  );
}

export function ClerkPanel({ page, feedback }: { page: Page; feedback: Feedback }) {
  const { t } = useTranslation();
  const format = useFormat();
  const requestErrors = feedback?.intent === "request" ? feedback.errors : null;
  const requested = page.overview.some((r) => r.requested);
  return (
    <section className="card space-y-4 p-4 sm:p-5">
      <h2 className="text-base font-semibold">{t("confirmations.overview.heading")}</h2>
      {page.overview.length === 0 ? (
        <p className="text-sm text-slate-500">{t("confirmations.overview.empty")}</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {page.overview.map((row) => (
          <li key={row.departmentId} className="flex flex-wrap items-start justify-between gap-2 py-3 text-sm">
            <div className="space-y-1">
              <p className="font-medium">
                {row.department}
                <span className="ml-2 text-slate-500">
                  {t("confirmations.overview.attendees")} {row.attendees}
                </span>
              </p>
              {row.heads.length > 0 ? (
                <p className="text-slate-500">
                  {t("confirmations.overview.headsList", {
                    names: row.heads.join(t("confirmations.overview.separator")),
                  })}
                </p>
              ) : null}
              {row.state === "CONFIRMED" ? (
                <p className="text-slate-500">
                  {t("confirmations.overview.confirmedBy", {
                    name: row.confirmedByName,
                    at: format.dateTime(row.confirmedAt),
                  })}
                </p>
              ) : null}
              {row.remindedAt ? (
                <p className="text-slate-500">
                  {t("confirmations.overview.remindedAt", { at: format.dateTime(row.remindedAt) })}
                </p>
              ) : null}
            </div>
            <div className="flex items-center gap-2">
              <StateBadge row={row} />
              {page.canManage && page.mayAct && row.state === "PENDING" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remind" />
                  <input type="hidden" name="departmentId" value={row.departmentId} />
                  <button type="submit" className="btn-secondary">
                    {t("confirmations.remind.one")}
                  </button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {page.canManage && page.changed ? (
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <FormAlert tone="info" message="confirmations.acknowledge.changed" />
          <input type="hidden" name="intent" value="acknowledge" />
          <button type="submit" className="btn-secondary">
            {t("confirmations.acknowledge.submit")}
          </button>
        </Form>
      ) : null}
      {page.canManage ? (
        <div className="flex flex-wrap items-end gap-4 border-t border-slate-100 pt-4">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="request" />
            <FormAlert message={requestErrors?._form} />
            <Field
              label={t("confirmations.request.confirmBy")}
              name="confirmBy"
              error={requestErrors?.confirmBy}
              hint={t("confirmations.request.confirmByHint", { days: page.headConfirmDays })}
            >
              <input
                id="confirmBy"
                name="confirmBy"
                type="date"
                className="input"
                defaultValue={value(feedback, "confirmBy") ?? page.proposedDeadline}
              />
            </Field>
            <button type="submit" className="btn-primary">
              {requested ? t("confirmations.request.again") : t("confirmations.request.submit")}
            </button>
          </Form>
          {requested && page.mayAct ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remind" />
              <button type="submit" className="btn-secondary">
                {t("confirmations.remind.submit")}
              </button>
            </Form>
          ) : null}
          <p className="w-full text-xs text-slate-500">{t("confirmations.request.hint")}</p>
        </div>
      ) : null}
    </section>
  );
}

function errorsFor(feedback: Feedback, intent: string, personId?: string) {
  if (feedback?.intent !== intent) return null;
  if (personId && value(feedback, "personId") !== personId) return null;
  return feedback.errors;
}

/** The reason a head gives for a swap or a withdrawal; keeps what was typed when the post was refused. */
function ReasonField({
  id,
  errors,
  feedback,
}: {
  id: string;
  errors: ReturnType<typeof errorsFor>;
  feedback: Feedback;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t("confirmations.head.reason")} name={id} error={errors?.reason}>
      <input
        id={id}
        name="reason"
        className="input"
        maxLength={500}
        defaultValue={errors ? value(feedback, "reason") : ""}
      />
    </Field>
  );
}

function AttendeeActions({ person, section, feedback }: { person: Person; section: Section; feedback: Feedback }) {
  const { t } = useTranslation();
  const swap = errorsFor(feedback, "swap", person.id);
  const withdraw = errorsFor(feedback, "withdraw", person.id);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="departmentId" value={section.departmentId} />
      <input type="hidden" name="personId" value={person.id} />
    </>
  );
  return (
    <div className="flex flex-wrap gap-2">
      <details className="w-full sm:w-auto" open={Boolean(swap)}>
        <summary className="btn-secondary cursor-pointer">{t("confirmations.head.swap")}</summary>
        <Form method="post" className="mt-2 space-y-2">
          {hidden("swap")}
          <FormAlert message={swap?._form ?? swap?.personId} />
          <Field
            label={t("confirmations.head.replacement")}
            name={`replacementId-${person.id}`}
            error={swap?.replacementId}
          >
            <select
              id={`replacementId-${person.id}`}
              name="replacementId"
              className="input"
              defaultValue={swap ? value(feedback, "replacementId") : ""}
            >
              <option value="">{t("confirmations.head.choose")}</option>
              {section.eligible.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.employeeNo} {p.name} · {p.team}
                </option>
              ))}
            </select>
          </Field>
          {section.eligible.length === 0 ? (
            <p className="text-xs text-slate-500">{t("confirmations.head.noEligible")}</p>
          ) : null}
          <ReasonField id={`swap-reason-${person.id}`} errors={swap} feedback={feedback} />
          <button type="submit" className="btn-primary">
            {t("confirmations.head.swapSubmit")}
          </button>
        </Form>
      </details>
      <details className="w-full sm:w-auto" open={Boolean(withdraw)}>
        <summary className="btn-secondary cursor-pointer">{t("confirmations.head.withdraw")}</summary>
        <Form method="post" className="mt-2 space-y-2">
          {hidden("withdraw")}
          <FormAlert message={withdraw?._form ?? withdraw?.personId} />
          <ReasonField id={`withdraw-reason-${person.id}`} errors={withdraw} feedback={feedback} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="sure" value="yes" />
            {t("confirmations.head.sure")}
          </label>
          {withdraw?.sure ? <FormAlert message={withdraw.sure} /> : null}
          <button type="submit" className="btn-primary bg-red-600 hover:bg-red-700">
            {t("confirmations.head.withdrawSubmit")}
          </button>
        </Form>
      </details>
    </div>
  );
}

export function HeadPanel({ section, page, feedback }: { section: Section; page: Page; feedback: Feedback }) {
  const { t } = useTranslation();
  const format = useFormat();
  const confirmErrors =
    feedback?.intent === "confirm" && value(feedback, "departmentId") === section.departmentId ? feedback.errors : null;
  return (
    <section className="card space-y-4 p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">
          {t("confirmations.head.heading", { department: section.department, count: section.people.length })}
        </h2>
        <StateBadge row={section} />
      </div>
      {!page.mayAct && page.closedReason ? <FormAlert tone="info" message={page.closedReason} /> : null}
      <FormAlert message={confirmErrors?._form} />
      {section.state === "CONFIRMED" ? (
        <p className="text-sm text-slate-600">
          {t("confirmations.head.confirmedNote", {
            name: section.confirmedByName,
            at: format.dateTime(section.confirmedAt),
          })}
        </p>
      ) : null}
      {page.mayAct && section.state === "PENDING" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="departmentId" value={section.departmentId} />
          <button type="submit" className="btn-primary w-full sm:w-auto">
            {t("confirmations.head.confirm")}
          </button>
        </Form>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {section.people.map((p) => (
          <li key={p.id} className="space-y-2 py-3 text-sm">
            <p>
              <span className="font-mono text-slate-500">{p.employeeNo}</span>{" "}
              <span className="font-medium">{p.name}</span>
              <span className="text-slate-500">
                {" "}
                · {p.team} · {p.post}
              </span>
            </p>
            {page.mayAct ? <AttendeeActions person={p} section={section} feedback={feedback} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
