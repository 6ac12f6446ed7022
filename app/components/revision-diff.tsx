import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type DiffLine = { key: string; label: ReactNode; before: ReactNode; after: ReactNode };
/** One line of what changed: something added or removed, or changed with the fields that changed. */
export type DiffEntry = { key: string; kind: "added" | "removed" | "changed"; title: ReactNode; lines?: DiffLine[] };
/**
 * The revision compared with: the last one sent back (with the approver's reason), or the approved one
 * being changed (with the reason it was reopened). Without `kind` it is one sent back.
 */
export type Rejection = { revision: number; reason: string | null; actorName: string; kind?: "rejected" | "approved" };

type Titled = { id: string; title: string };
/** The entries of a list of items compared revision to revision (the annual and the monthly plan). */
export function itemEntries<C extends { field: string }>(
  diff: { added: Titled[]; removed: Titled[]; changed: Array<Titled & { changes: C[] }> },
  line: (change: C) => Omit<DiffLine, "key">,
): DiffEntry[] {
  return [
    ...diff.added.map((i) => ({ key: i.id, kind: "added" as const, title: i.title })),
    ...diff.removed.map((i) => ({ key: i.id, kind: "removed" as const, title: i.title })),
    ...diff.changed.map((c) => ({
      key: c.id,
      kind: "changed" as const,
      title: c.title,
      lines: c.changes.map((change) => ({ key: change.field, ...line(change) })),
    })),
  ];
}

const BADGE = {
  added: "bg-emerald-100 text-emerald-800",
  removed: "bg-red-100 text-red-700",
  changed: "bg-amber-100 text-amber-800",
} as const;

/**
 * What changed since the revision the approver sent back, or since the approved revision being
 * changed, so neither side needs to reread it all: one look for the annual plan, the monthly plan and
 * the course plan.
 */
export function RevisionDiff({ rejection, entries }: { rejection: Rejection; entries: DiffEntry[] }) {
  const { t } = useTranslation();
  const approved = rejection.kind === "approved";
  const title = t(approved ? "workflow.diff.titleApproved" : "workflow.diff.title", { revision: rejection.revision });
  const because = approved ? "workflow.diff.reopenedBecause" : "workflow.diff.rejectedBecause";
  return (
    <section className="card border-sky-200 p-4 text-sm" aria-label={title}>
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-slate-600">{t(because, { name: rejection.actorName, reason: rejection.reason ?? "" })}</p>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-500">{t(approved ? "workflow.diff.noneApproved" : "workflow.diff.none")}</p>
      ) : (
        <ul className="mt-2 space-y-1.5">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.key}`}>
              <span className={`badge mr-2 ${BADGE[entry.kind]}`}>{t(`workflow.diff.${entry.kind}`)}</span>
              {entry.kind === "removed" ? <s>{entry.title}</s> : entry.title}
              {entry.lines?.length ? (
                <ul className="ml-4 mt-1 list-disc text-xs text-slate-600">
                  {entry.lines.map((line) => (
                    <li key={line.key}>
                      {line.label}
                      {t("training.colon")}
                      <s className="text-slate-400">{line.before}</s> →{" "}
                      <span className="font-medium text-slate-800">{line.after}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
