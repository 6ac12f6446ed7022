import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useFormat } from "~/components/use-format";
import type { ApprovalStateName } from "~/workflow/approval-rules";

/** How a trainee reads a form's state: a draft was either sent back by the head or withdrawn by them. */
export type LeaveStatus = "waiting" | "rejected" | "withdrawn" | "approved" | "acknowledged";

export function leaveStatus(item: {
  state: ApprovalStateName;
  acknowledgedAt: Date | string | null;
  lastDecision: { action: string } | null;
}): LeaveStatus {
  if (item.state === "SUBMITTED") return "waiting";
  if (item.state === "APPROVED") return item.acknowledgedAt ? "acknowledged" : "approved";
  return item.lastDecision?.action === "REJECT" ? "rejected" : "withdrawn";
}

const STYLE: Record<LeaveStatus, string> = {
  waiting: "bg-amber-100 text-amber-800",
  rejected: "bg-red-100 text-red-800",
  withdrawn: "bg-slate-100 text-slate-700",
  approved: "bg-emerald-100 text-emerald-800",
  acknowledged: "bg-emerald-100 text-emerald-800",
};

export function LeaveStatusBadge({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STYLE[status]}`} data-status={status}>
      {t(`leave.status.${status}`)}
    </span>
  );
}

/** A session as one line: "2026-12-08 09:00–11:30 · 培训室 A302". */
export function SessionTime({
  startsAt,
  endsAt,
  location,
}: {
  startsAt: string | Date;
  endsAt: string | Date;
  location?: string;
}) {
  const fmt = useFormat();
  return (
    <span>
      {fmt.dateTime(startsAt)}–{fmt.dateTime(endsAt).split(" ").pop()}
      {location ? ` · ${location}` : ""}
    </span>
  );
}

type Item = {
  id: string;
  reasonKind: string;
  reasonText: string;
  state: ApprovalStateName;
  acknowledgedAt: string | Date | null;
  hasAttachment: boolean;
  person: { employeeNo: string; name: string; department: string };
  session: { startsAt: string | Date; endsAt: string | Date; location: string; courseTitle: string };
  lastDecision: { action: string; actorName: string; reason: string | null } | null;
};

/**
 * Forms as cards (readable on a phone as on a desk): the course and session, who asked (for heads and
 * clerks), the reason, the state and the head's word; `action` adds a button (the clerk's acknowledgement).
 */
export function LeaveList({
  items,
  empty,
  showPerson,
  action,
}: {
  items: Item[];
  empty: string;
  showPerson?: boolean;
  action?: (item: Item) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="card p-4 text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="card p-4" data-leave={item.id}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <Link to={`/leave/${item.id}`} className="font-medium text-brand-700 hover:underline">
                {item.session.courseTitle}
              </Link>
              <p className="text-sm text-slate-600">
                <SessionTime {...item.session} />
              </p>
            </div>
            <LeaveStatusBadge status={leaveStatus(item)} />
          </div>
          {showPerson ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">{item.person.name}</span>{" "}
              <span className="font-mono text-xs text-slate-500">{item.person.employeeNo}</span>
              <span className="text-slate-500"> · {item.person.department}</span>
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-700">
            <span className="text-slate-500">
              {t("leave.kindLabel", { kind: t(`leave.reasons.${item.reasonKind}`) })}
            </span>
            {item.reasonText}
            {item.hasAttachment ? (
              <a href={`/leave/${item.id}/attachment`} className="btn-link ml-2" target="_blank" rel="noreferrer">
                {t("leave.detail.open")}
              </a>
            ) : null}
          </p>
          {item.lastDecision ? (
            <p className="mt-1 text-sm text-slate-500">
              {t(`leave.decision.${item.lastDecision.action}`, {
                name: item.lastDecision.actorName,
                reason: item.lastDecision.reason ?? "",
              })}
            </p>
          ) : null}
          {action ? <div className="mt-3">{action(item)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
