import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** One entry of an administrator's list: its name, a few details, and its buttons; retired entries greyed. */
export function ListRow({
  title,
  details,
  retired,
  retiredLabel,
  children,
}: {
  title: string;
  details: Array<string | null | undefined>;
  retired: boolean;
  retiredLabel: string;
  children: ReactNode;
}) {
  return (
    <li
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm ${retired ? "text-slate-400" : ""}`}
    >
      <span className="font-medium">{title}</span>
      {retired ? <span className="badge bg-slate-100 text-slate-500">{retiredLabel}</span> : null}
      <span className="basis-full text-xs text-slate-500 sm:basis-auto">{details.filter(Boolean).join(" · ")}</span>
      <span className="ml-auto flex items-center gap-3">{children}</span>
    </li>
  );
}

/** Retires an entry (no longer offered, kept for what used it) or brings it back. */
export function RetireButton({ id, retired, labels }: { id: string; retired: boolean; labels: [string, string] }) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        name="intent"
        value={retired ? "restore" : "retire"}
        className={`text-sm hover:underline ${retired ? "text-brand-700" : "text-red-700"}`}
      >
        {retired ? labels[1] : labels[0]}
      </button>
    </Form>
  );
}
