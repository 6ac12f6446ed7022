import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { CELL, HEAD } from "~/components/print/paper-form";
import { formatYuan } from "~/components/training/format";
import { COST_KEYS, courseParticulars, type CourseForm } from "~/domain/course/course-form";

// The course plan's paper form (培训课程计划), below the company and the form's name.
type Form = Omit<CourseForm, "approval">;

function Section({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h2 className="mb-1 text-[13px] font-semibold">
        {title}
        {note ? <span className="ml-2 text-[11px] font-normal">{note}</span> : null}
      </h2>
      {children}
    </div>
  );
}

function Head({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((h, i) => (
          <th key={i} className={HEAD}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Empty({ span, text }: { span: number; text: string }) {
  return (
    <tr>
      <td className={`${CELL} text-center`} colSpan={span}>
        {text}
      </td>
    </tr>
  );
}

export function CoursePlanSheet({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { course } = form;
  const label = `${CELL} w-[15%] bg-slate-50 font-semibold print:bg-transparent`;
  // Two attendees to a line, the first half down the left: a class fits on the first page.
  const half = Math.ceil(form.attendees.length / 2);
  const attendeeLines = form.attendees.slice(0, half).map((a, i) => [a, form.attendees[half + i]] as const);
  const attendeeColumns = (["no", "name", "employeeNo", "department"] as const).map((k) =>
    t(`course.print.attendeeColumns.${k}`),
  );
  return (
    <>
      <table className="mt-2 w-full border-collapse">
        <tbody>
          {courseParticulars(t, form).map((line) => (
            <tr key={line[0][0]}>
              {line.map(([name, value]) => (
                <Fragment key={name}>
                  <th className={label}>{name}</th>
                  <td className={`${CELL} ${line.length === 1 ? "" : "w-[35%]"}`} colSpan={line.length === 1 ? 3 : 1}>
                    {value}
                  </td>
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Section title={t("training.withNote", { text: t("course.print.time"), note: t("course.fields.sessions") })}>
        <table className="w-full border-collapse">
          <Head
            labels={[
              t("course.print.sessionNo"),
              t("course.session.date"),
              t("course.print.time"),
              t("course.session.location"),
            ]}
          />
          <tbody>
            {form.sessions.length === 0 ? <Empty span={4} text={t("course.session.none")} /> : null}
            {form.sessions.map((s) => (
              <tr key={s.no}>
                <td className={`${CELL} w-[10%] text-center`}>{s.no}</td>
                <td className={`${CELL} w-[22%] tabular-nums`}>{s.date}</td>
                <td className={`${CELL} w-[22%] tabular-nums`}>
                  {s.start}–{s.end}
                </td>
                <td className={CELL}>{s.location}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t("course.fields.outline")}>
        <div className={`${CELL} keep min-h-[3rem] whitespace-pre-line`}>{course.outline}</div>
      </Section>
      <Section title={t("course.fields.costs")}>
        <table className="w-full border-collapse">
          <Head labels={[...COST_KEYS, "totalCost" as const].map((k) => t(`course.fields.${k}`))} />
          <tbody>
            <tr>
              {COST_KEYS.map((k) => (
                <td key={k} className={`${CELL} text-right tabular-nums`}>
                  {formatYuan(course.costs[k])}
                </td>
              ))}
              <td className={`${CELL} text-right font-semibold tabular-nums`}>{formatYuan(course.totalFen)}</td>
            </tr>
          </tbody>
        </table>
      </Section>
      <Section
        title={t("course.fields.attendees")}
        note={form.scoped ? t("course.print.scopeNote", { count: form.attendeeCount }) : null}
      >
        <table className="w-full border-collapse">
          <Head labels={[...attendeeColumns, ...attendeeColumns]} />
          <tbody>
            {form.attendees.length === 0 ? <Empty span={8} text={t("course.attendee.none")} /> : null}
            {attendeeLines.map(([left, right]) => (
              <tr key={left.no}>
                {[left, right].map((a, side) =>
                  a ? (
                    <Fragment key={side}>
                      <td className={`${CELL} w-[6%] text-center`}>{a.no}</td>
                      <td className={`${CELL} w-[12%]`}>{a.name}</td>
                      <td className={`${CELL} w-[11%] tabular-nums`}>{a.employeeNo}</td>
                      <td className={`${CELL} w-[21%]`}>{a.department}</td>
                    </Fragment>
                  ) : (
                    <td key={side} className={CELL} colSpan={4} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
