import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A GET form: year, department (not for a department head, who sees only theirs) and order. */
export function RuleLoopFilter({
  year,
  sort,
  department,
  departments,
  scoped,
  showSort = true,
}: {
  year: number;
  sort?: string;
  department: string | null;
  departments: Array<{ id: string; name: string }>;
  scoped: boolean;
  showSort?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card flex flex-wrap items-end gap-3 p-4">
      <div>
        <label className="label" htmlFor="year">
          {t("ruleLoop.filter.year")}
        </label>
        <input id="year" name="year" inputMode="numeric" defaultValue={year} className="input w-24" />
      </div>
      {scoped ? null : (
        <div>
          <label className="label" htmlFor="department">
            {t("ruleLoop.filter.department")}
          </label>
          <select id="department" name="department" defaultValue={department ?? ""} className="input">
            <option value="">{t("ruleLoop.companyWide")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {showSort ? (
        <div>
          <label className="label" htmlFor="sort">
            {t("ruleLoop.filter.sort")}
          </label>
          <select id="sort" name="sort" defaultValue={sort} className="input">
            <option value="breaches">{t("ruleLoop.filter.byBreaches")}</option>
            <option value="misses">{t("ruleLoop.filter.byMisses")}</option>
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn-secondary">
        {t("ruleLoop.filter.show")}
      </button>
    </Form>
  );
}
