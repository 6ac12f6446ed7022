// The course's checklist: a tick per line (who and when), a note, the clerk's own lines added or removed.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { Field } from "~/components/form";
import { useFormat } from "~/components/use-format";

export type Feedback = { errors?: Record<string, string>; values?: Record<string, string | string[]> } | undefined;

type Item = {
  id: string;
  key: string | null;
  label: string | null;
  note: string | null;
  doneAt: Date | string | null;
  doneByName: string | null;
  standard: boolean;
};

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export function Checklist({
  items,
  editable,
  addErrors,
  addValues,
}: {
  items: Item[];
  editable: boolean;
  addErrors?: Record<string, string>;
  addValues?: Record<string, string | string[]>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card p-4 sm:p-5">
      <h2 className="font-semibold">{t("preparation.checklist")}</h2>
      <p className="mt-1 text-sm text-slate-500">{t("preparation.checklistHint")}</p>
      <ul className="mt-3 divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded border text-xs ${
                  item.doneAt ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 bg-white"
                }`}
              >
                {item.doneAt ? "✓" : ""}
              </span>
              <div className="min-w-0">
                <p className={item.doneAt ? "text-slate-500" : "font-medium"}>
                  {item.key ? t(`preparation.items.${item.key}`) : item.label}
                  {item.standard ? (
                    <span className="badge ml-2 bg-slate-100 text-slate-600">{t("preparation.standard")}</span>
                  ) : null}
                </p>
                {item.doneAt ? (
                  <p className="text-xs text-emerald-700">
                    {t("preparation.doneBy", { name: item.doneByName ?? "", at: format.dateTime(item.doneAt) })}
                  </p>
                ) : null}
                {editable ? (
                  <Form method="post" className="mt-2 flex flex-wrap items-center gap-2">
                    <input type="hidden" name="intent" value="note" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <input
                      name="note"
                      aria-label={t("preparation.note")}
                      placeholder={t("preparation.note")}
                      defaultValue={item.note ?? ""}
                      maxLength={200}
                      className="input w-56 max-w-full py-1 text-sm"
                    />
                    <button type="submit" className="btn-secondary py-1 text-xs">
                      {t("preparation.saveNote")}
                    </button>
                  </Form>
                ) : item.note ? (
                  <p className="mt-1 text-sm text-slate-600">
                    {t("preparation.labelled", { label: t("preparation.note"), value: item.note })}
                  </p>
                ) : null}
              </div>
            </div>
            {editable ? (
              <div className="flex shrink-0 gap-2 pl-8 sm:pl-0">
                <Form method="post">
                  <input type="hidden" name="intent" value="tick" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="done" value={item.doneAt ? "0" : "1"} />
                  <button type="submit" className={item.doneAt ? "btn-secondary" : "btn-primary"}>
                    {item.doneAt ? t("preparation.untick") : t("preparation.tick")}
                  </button>
                </Form>
                {!item.standard ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeItem" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <button type="submit" className="btn-secondary text-red-700">
                      {t("preparation.remove")}
                    </button>
                  </Form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <Form method="post" className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
          <input type="hidden" name="intent" value="addItem" />
          <div className="min-w-0 flex-1">
            <Field
              label={t("preparation.addItemLabel")}
              name="label"
              error={addErrors?.label ?? addErrors?._form}
              hint={t("preparation.addItemHint")}
            >
              <input id="label" name="label" defaultValue={text(addValues?.label)} className="input w-full" />
            </Field>
          </div>
          <button type="submit" className="btn-primary">
            {t("preparation.addItem")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
