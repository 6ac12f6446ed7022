import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "~/components/form";

export type PickerOption = { id: string; label: string };

/**
 * A select of choices with a search box above it. With JavaScript the list narrows as one types; without
 * it the search button sends the whole form back to the page (GET: nothing is saved), which shows what
 * was typed and the choices the server found.
 */
export function SearchBox({ defaultValue, onSearch }: { defaultValue: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <label className="label" htmlFor="lecturerSearch">
        {t("course.fields.lecturerSearch")}
      </label>
      <div className="flex gap-2">
        <input
          id="lecturerSearch"
          name="lecturerSearch"
          type="search"
          className="input"
          placeholder={t("course.picker.searchHint")}
          defaultValue={defaultValue}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search box narrows the list; it does not save the course.
            if (e.key === "Enter") e.preventDefault();
          }}
        />
        <button
          type="submit"
          className="btn-secondary shrink-0"
          formMethod="get"
          formNoValidate
          // With JavaScript the list is already narrowed as one types: the button only matters without it.
          onClick={(e) => e.preventDefault()}
        >
          {t("course.picker.search")}
        </button>
      </div>
    </div>
  );
}

export function PickerSelect({
  name,
  label,
  options,
  search,
  initial,
  error,
  field,
}: {
  name: string;
  label: string;
  options: PickerOption[];
  search: string;
  /** The choice the form starts with (kept in the list whatever the search). */
  initial: string;
  error?: string;
  field: { defaultValue?: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => unknown } & Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(initial);
  const q = search.trim().toLowerCase();
  const shown = options.filter((o) => o.id === selected || !q || o.label.toLowerCase().includes(q));
  return (
    <Field label={label} name={name} error={error}>
      <select
        id={name}
        className="input"
        aria-invalid={Boolean(error)}
        {...field}
        onChange={(e) => {
          setSelected(e.target.value);
          void field.onChange(e);
        }}
      >
        <option value="">{t("course.choose")}</option>
        {shown.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {q ? (
        <span className="mt-1 block text-xs text-slate-500">{t("course.picker.matches", { count: shown.length })}</span>
      ) : null}
    </Field>
  );
}
