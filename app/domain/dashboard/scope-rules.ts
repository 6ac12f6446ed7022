// Pure: what a dashboard viewer sees — the departments in scope, the one in focus, and the rows of its
// drill-down table (teams roll up into the row above them, as on the certification board).
export type ScopeDepartment = {
  id: string;
  parentId: string | null;
  name: string;
  kind: "COMPANY" | "DEPARTMENT" | "TEAM";
  sortOrder: number;
};

export type DashboardScope = {
  /** The department drilled into; null for the whole company (or all of a head's departments). */
  focus: ScopeDepartment | null;
  /** Every department whose people and records count. */
  departmentIds: string[];
  /** The drill-down table's rows: the focus's sub-departments, or the top departments. */
  rows: ScopeDepartment[];
  /** Where people directly in the focus (or the company) count: a row of their own when they exist. */
  directId: string | null;
};

const bySort = (a: ScopeDepartment, b: ScopeDepartment) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);

function subtree(departments: readonly ScopeDepartment[], rootId: string): string[] {
  const out = [rootId];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const d of departments)
      if (d.parentId === id && !out.includes(d.id)) {
        out.push(d.id);
        stack.push(d.id);
      }
  }
  return out;
}

/**
 * `allowed`: null for leaders who see everything, else the departments a head may see (theirs and their teams).
 * `asked`: the `departmentId` of the URL. Asking for a department out of scope is refused (403); an
 * unknown one is not found (404).
 */
export function dashboardScope(
  departments: readonly ScopeDepartment[],
  allowed: readonly string[] | null,
  asked: string | null,
): { ok: true; scope: DashboardScope } | { ok: false; status: 403 | 404 } {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const children = (id: string) => departments.filter((d) => d.parentId === id).sort(bySort);
  if (asked) {
    if (allowed && !allowed.includes(asked)) return { ok: false, status: 403 };
    const focus = byId.get(asked);
    if (!focus) return { ok: false, status: 404 };
    return {
      ok: true,
      scope: { focus, departmentIds: subtree(departments, focus.id), rows: children(focus.id), directId: focus.id },
    };
  }
  if (allowed) {
    // A head's top departments: those whose parent they may not see.
    const tops = allowed
      .map((id) => byId.get(id))
      .filter((d): d is ScopeDepartment => Boolean(d) && !allowed.includes(d!.parentId ?? ""))
      .sort(bySort);
    if (tops.length === 1) return dashboardScope(departments, allowed, tops[0].id);
    return { ok: true, scope: { focus: null, departmentIds: [...allowed], rows: tops, directId: null } };
  }
  const roots = departments.filter((d) => !d.parentId).sort(bySort);
  const root = roots.length === 1 ? roots[0] : null;
  return {
    ok: true,
    scope: {
      focus: null,
      departmentIds: departments.map((d) => d.id),
      rows: root ? children(root.id) : roots,
      directId: root?.id ?? null,
    },
  };
}

/** The row a department's people and records count under: the row itself or the row above it. */
export function rowResolver(departments: readonly ScopeDepartment[], scope: DashboardScope) {
  const parent = new Map(departments.map((d) => [d.id, d.parentId]));
  const rowIds = new Set(scope.rows.map((r) => r.id));
  const cache = new Map<string, string | null>();
  return (departmentId: string): string | null => {
    if (cache.has(departmentId)) return cache.get(departmentId)!;
    let id: string | null = departmentId;
    while (id && !rowIds.has(id)) id = id === scope.directId ? null : (parent.get(id) ?? null);
    const row = id ?? (scope.departmentIds.includes(departmentId) ? scope.directId : null);
    cache.set(departmentId, row);
    return row;
  };
}

/**
 * Where "up one level" leads: the parent department, or the whole view (departmentId null) when the parent
 * is the company (or, for a head of several departments, outside theirs); null when there is nowhere up.
 */
export function upFrom(
  departments: readonly ScopeDepartment[],
  allowed: readonly string[] | null,
  focus: ScopeDepartment | null,
): { departmentId: string | null } | null {
  if (!focus) return null;
  const parent = departments.find((d) => d.id === focus.parentId);
  if (!allowed) return { departmentId: parent?.parentId ? parent.id : null };
  if (parent && allowed.includes(parent.id)) return { departmentId: parent.id };
  const tops = allowed.filter((id) => {
    const d = departments.find((x) => x.id === id);
    return d && !allowed.includes(d.parentId ?? "");
  });
  return tops.length > 1 ? { departmentId: null } : null;
}
