import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  lecturerText,
  sheetDateTime,
  sheetExpected,
  type SessionLecturer,
  type SheetLine,
} from "~/domain/delivery/sign-in-sheet-rules";

// A4 portrait, 12 mm margins. Rows never break across pages; the table header repeats on each page.
const PAGE_CSS = `@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  .sheet-table thead { display: table-header-group; }
  .sheet-table tr { break-inside: avoid; page-break-inside: avoid; }
}`;

export type SheetView = {
  layout: "general" | "newHire";
  companyName: string;
  course: { id: string; title: string };
  session: { id: string; location: string; date: string; weekday: number; start: string; end: string };
  ordinal: { n: number; of: number };
  lecturer: SessionLecturer;
  rows: SheetLine[];
  qrSvg: string;
  signInUrl: string;
};

/** window.print() once the page runs scripts; before that (or without them) a hint to use the browser's. */
export function PrintSheetButton() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <span className="text-xs text-slate-500">{t("sessionDay.actions.printHint")}</span>;
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {t("sessionDay.actions.print")}
    </button>
  );
}

export function SignInSheetPage({ sheet, xlsxHref }: { sheet: SheetView; xlsxHref: string }) {
  const { t } = useTranslation();
  const cell = "border border-slate-500 px-1.5";
  const info: Array<[string, string]> = [
    [t("sessionDay.sheet.course"), sheet.course.title],
    [t("sessionDay.sheet.dateTime"), sheetDateTime(t, sheet.session)],
    [t("sessionDay.sheet.place"), sheet.session.location],
    [t("sessionDay.sheet.lecturer"), lecturerText(t, sheet.lecturer)],
    [t("sessionDay.sheet.session"), t("sessionDay.ordinal", sheet.ordinal)],
  ];
  return (
    <div className="mx-auto max-w-[186mm] bg-white p-4 text-[12px] text-black sm:p-6 print:max-w-none print:p-0">
      <style>{PAGE_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link to="/training-day" className="btn-link">
          ← {t("sessionDay.sheet.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <a href={xlsxHref} className="btn-secondary" download>
            {t("sessionDay.actions.excel")}
          </a>
          <PrintSheetButton />
        </div>
      </div>
      <p className="text-center text-sm">{sheet.companyName}</p>
      <h1 className="mt-1 text-center text-xl font-bold tracking-widest">{t(`sessionDay.forms.${sheet.layout}`)}</h1>
      <div className="mt-3 flex items-start justify-between gap-4">
        <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[12px]">
          {info.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">
                {label}
                {t("training.colon")}
              </dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <figure className="w-[30mm] shrink-0 text-center">
          {/* Rendered on the server by qrcode from the session's own address; no script involved. */}
          <div
            className="h-[28mm] w-[28mm] [&>svg]:h-full [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: sheet.qrSvg }}
          />
          <figcaption className="mt-1 text-[10px] leading-tight">{t("sessionDay.sheet.qrCaption")}</figcaption>
        </figure>
      </div>
      <table className="sheet-table mt-3 w-full table-fixed border-collapse text-[12px]">
        <colgroup>
          <col className="w-[11mm]" />
          <col className="w-[20mm]" />
          <col className="w-[24mm]" />
          <col className="w-[34mm]" />
          <col />
          <col className="w-[26mm]" />
        </colgroup>
        <thead>
          <tr className="bg-slate-100 print:bg-transparent">
            {(["no", "employeeNo", "name", "department", "signature", "signedAt"] as const).map((k) => (
              <th key={k} className={`${cell} py-1.5 font-semibold`}>
                {t(`sessionDay.sheet.columns.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={row.personId} className="h-[10mm] break-inside-avoid">
              <td className={`${cell} text-center`}>{row.no}</td>
              <td className={cell}>{row.employeeNo}</td>
              <td className={cell}>
                {row.name}
                {row.makeUp ? <span className="text-[10px]">{t("sessionDay.sheet.makeUpTag")}</span> : null}
              </td>
              <td className={`${cell} truncate`}>{row.department}</td>
              <td className={`${cell} ${row.signature ? "text-center text-slate-700" : ""}`}>
                {row.signature ? t(`sessionDay.sheet.signature.${row.signature}`) : null}
              </td>
              <td className={`${cell} text-center tabular-nums`}>{row.signedAt}</td>
            </tr>
          ))}
          {sheet.rows.length === 0 ? (
            <tr>
              <td className={`${cell} py-3 text-center`} colSpan={6}>
                {t("sessionDay.sheet.noAttendees")}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div className="mt-6 flex flex-wrap items-end justify-between gap-4 break-inside-avoid text-[12px]">
        <span>{t("sessionDay.sheet.expected", { count: sheetExpected(sheet.rows) })}</span>
        <span className="flex items-end gap-1">
          {t("sessionDay.sheet.present")}
          <span className="inline-block w-[16mm] border-b border-slate-600" />
          {t("sessionDay.sheet.people")}
        </span>
        <span className="flex items-end gap-1">
          {t("sessionDay.sheet.clerkSign")}
          {t("training.colon")}
          <span className="inline-block w-[36mm] border-b border-slate-600" />
        </span>
      </div>
    </div>
  );
}
