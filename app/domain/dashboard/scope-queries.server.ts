// The department tree the dashboard's scope is cut from, and the year's bounds in the company's zone.
import { TZDate } from "@date-fns/tz";

import { db } from "~/utils/db.server";

import type { ScopeDepartment } from "./scope-rules";

export function scopeDepartments(): Promise<ScopeDepartment[]> {
  return db.department.findMany({ select: { id: true, parentId: true, name: true, kind: true, sortOrder: true } });
}

/** The first instant of the year and of the next, in the company's time zone. */
export function yearBounds(year: number, timeZone: string) {
  return {
    from: new Date(new TZDate(year, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
    to: new Date(new TZDate(year + 1, 0, 1, 0, 0, 0, 0, timeZone).getTime()),
  };
}

export type YearScope = { from: Date; to: Date; timeZone: string; departmentIds: string[] };
