// The notices page's sessions (each with its reschedule form) and the sent-mail history.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field, FormAlert } from "~/components/form";
import { RoomSelect, type RoomChoice } from "~/components/scheduling/room-select";

type Session = { id: string; date: string; start: string; end: string; location: string; roomId: string };
type Errors = Record<string, string | undefined> | undefined;

export function NoticeSessions({
  courseId,
  sessions,
  rooms,
  outside,
  editable,
  errors,
  values,
}: {
  courseId: string;
  sessions: Session[];
  /** In-house training moves to a listed room (checked for seats on the server); outside, a venue is typed. */
  rooms: RoomChoice[];
  outside: boolean;
  editable: boolean;
  errors: Errors;
  values?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const sent = (values ?? {}) as Record<string, string | undefined>;
  return (
    <section className="card space-y-3 p-4 sm:p-5">
      <h2 className="text-lg font-semibold">{t("notices.page.sessions")}</h2>
      <ul className="space-y-4">
        {sessions.map((s) => {
          const mine = sent.sessionId === s.id;
          const v = (name: keyof Session) => (mine ? sent[name] : undefined) ?? s[name];
          const error = (name: string) => (mine ? errors?.[name] : undefined);
          return (
            <li key={s.id} className="border-t border-slate-100 pt-3 first:border-0 first:pt-0">
              <p className="flex flex-wrap items-baseline justify-between gap-2 font-medium">
                <span>
                  {s.date} {s.start}–{s.end} · {s.location}
                </span>
                {/* The session's printable sign-in sheet (step 010). */}
                <Link
                  to={`/courses/${courseId}/sessions/${s.id}/sign-in-sheet`}
                  className="text-sm font-normal text-sky-700"
                >
                  {t("notices.page.signInSheet")}
                </Link>
              </p>
              {editable ? (
                <details open={mine && Boolean(errors)}>
                  <summary className="cursor-pointer text-sm text-sky-700">{t("notices.page.reschedule")}</summary>
                  <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-4">
                    <input type="hidden" name="intent" value="reschedule" />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <div className="sm:col-span-4">
                      <FormAlert message={mine ? errors?._form : undefined} />
                    </div>
                    <Field label={t("notices.page.date")} name={`date-${s.id}`} error={error("date")}>
                      <input
                        id={`date-${s.id}`}
                        name="date"
                        type="date"
                        className="input"
                        defaultValue={v("date")}
                        required
                      />
                    </Field>
                    <Field label={t("notices.page.start")} name={`start-${s.id}`} error={error("start")}>
                      <input
                        id={`start-${s.id}`}
                        name="start"
                        type="time"
                        className="input"
                        defaultValue={v("start")}
                        required
                      />
                    </Field>
                    <Field label={t("notices.page.end")} name={`end-${s.id}`} error={error("end")}>
                      <input
                        id={`end-${s.id}`}
                        name="end"
                        type="time"
                        className="input"
                        defaultValue={v("end")}
                        required
                      />
                    </Field>
                    {outside ? (
                      <Field label={t("notices.page.venue")} name={`location-${s.id}`} error={error("location")}>
                        <input
                          id={`location-${s.id}`}
                          name="location"
                          className="input"
                          defaultValue={v("location")}
                          required
                        />
                      </Field>
                    ) : (
                      <Field label={t("notices.page.room")} name={`roomId-${s.id}`} error={error("roomId")}>
                        <RoomSelect
                          id={`roomId-${s.id}`}
                          name="roomId"
                          rooms={rooms}
                          defaultValue={v("roomId")}
                          required
                        />
                      </Field>
                    )}
                    <div className="sm:col-span-3">
                      <Field label={t("notices.page.reason")} name={`reason-${s.id}`} error={error("reason")}>
                        <input
                          id={`reason-${s.id}`}
                          name="reason"
                          className="input"
                          defaultValue={mine ? sent.reason : ""}
                          required
                        />
                      </Field>
                    </div>
                    <div className="flex items-end">
                      <button type="submit" className="btn-primary w-full">
                        {t("notices.page.saveReschedule")}
                      </button>
                    </div>
                  </Form>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function NoticeHistory({ history }: { history: Array<{ kind: string; status: string; count: number }> }) {
  const { t } = useTranslation();
  return (
    <section className="card space-y-2 p-4 sm:p-5">
      <h2 className="text-lg font-semibold">{t("notices.page.history")}</h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">{t("notices.page.noHistory")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th>{t("notices.page.kind")}</th>
                <th>{t("notices.page.status")}</th>
                <th>{t("notices.page.count")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={`${h.kind}-${h.status}`}>
                  <td>{t(`notices.page.kinds.${h.kind}`, { defaultValue: h.kind })}</td>
                  <td>{t(`notices.page.statuses.${h.status}`)}</td>
                  <td>{h.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
