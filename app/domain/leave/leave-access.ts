// Pure: which permission lets someone onto the leave pages at all. Asking, deciding and receiving each do;
// what they then see is scoped by leave-queries.server.ts.
import { can, type Permission, type RoleName } from "~/utils/permissions";

const LEAVE_PERMISSIONS: Permission[] = ["request:leave", "approve:leave", "receive:leave"];

/** The first leave permission the roles hold, else the requester's (whose refusal is then audited). */
export function leaveGate(roles: readonly RoleName[]): Permission {
  return LEAVE_PERMISSIONS.find((p) => can(roles, p)) ?? "request:leave";
}

export const LEAVE_TABS = ["mine", "review", "received"] as const;
export type LeaveTab = (typeof LEAVE_TABS)[number];

/** The tabs a person has: their own forms, the forms waiting for a head, the clerk's desk. */
export function leaveTabs(roles: readonly RoleName[]): LeaveTab[] {
  return LEAVE_TABS.filter(
    (tab) =>
      (tab === "mine" && can(roles, "request:leave")) ||
      (tab === "review" && can(roles, "approve:leave")) ||
      (tab === "received" && can(roles, "receive:leave")),
  );
}
