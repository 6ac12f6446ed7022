// The training file on paper: the person's particulars, then every section as a bordered table,
// a record's amendments on a line under it. The workbook carries the same tables.
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { CELL, HEAD } from "~/components/print/paper-form";
import { useFormat } from "~/components/use-format";
import { fileParticulars, fileTables } from "~/domain/training-file/training-file-tables";
import type { TrainingFile } from "~/domain/training-file/training-file.server";

export function TrainingFileSheet({ file }: { file: TrainingFile }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const particulars = fileParticulars(t, file);
  const pairs = particulars.filter((_, i) => i % 2 === 0).map((p, i) => [p, particulars[i * 2 + 1]] as const);
  return (
    <>
      <table className="mt-2 w-full border-collapse">
        <tbody>
          {pairs.map(([a, b]) => (
            <tr key={a[0]}>
              <th className={`${HEAD} w-[16%]`}>{a[0]}</th>
              <td className={`${CELL} w-[34%]`}>{a[1]}</td>
              <th className={`${HEAD} w-[16%]`}>{b?.[0]}</th>
              <td className={`${CELL} w-[34%]`}>{b?.[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fileTables(t, file, { ...format, language: i18n.language }).map((table) => (
        <section key={table.key} className="mt-4" data-section={table.key}>
          <h2 className="keep mb-1 font-bold">{table.title}</h2>
          {table.rows.length === 0 ? (
            <p className={`${CELL} text-slate-600`}>{table.empty}</p>
          ) : (
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  {table.header.map((h, i) => (
                    <th key={i} className={HEAD}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <Fragment key={r}>
                    <tr>
                      {row.cells.map((c, i) => (
                        <td key={i} className={`${CELL} ${table.numeric.includes(i + 1) ? "text-right" : ""}`}>
                          {c ?? "—"}
                        </td>
                      ))}
                    </tr>
                    {row.note ? (
                      <tr>
                        <td colSpan={row.cells.length} className={`${CELL} text-[11px] italic`}>
                          {row.note}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
