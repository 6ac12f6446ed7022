// Pure helpers over the department tree (company → departments → teams).
export type DepartmentNode = { id: string; parentId: string | null; name: string; sortOrder?: number };

/** The given departments and every department below them. */
export function subtreeIds(departments: readonly DepartmentNode[], rootIds: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const d of departments) {
    if (!d.parentId) continue;
    children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  }
  const seen = new Set<string>();
  const stack = [...rootIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/** Depth-first order with depth, for indented lists and selects. */
export function flattenTree<T extends DepartmentNode>(departments: readonly T[]): Array<T & { depth: number }> {
  const byParent = new Map<string | null, T[]>();
  for (const d of departments) byParent.set(d.parentId, [...(byParent.get(d.parentId) ?? []), d]);
  for (const list of byParent.values())
    list.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, "zh-CN"));
  const out: Array<T & { depth: number }> = [];
  const ids = new Set(departments.map((d) => d.id));
  const visit = (parentId: string | null, depth: number) => {
    for (const d of byParent.get(parentId) ?? []) {
      out.push({ ...d, depth });
      visit(d.id, depth + 1);
    }
  };
  visit(null, 0);
  // Orphans (parent outside the list) still show, at the top level.
  for (const d of departments)
    if (d.parentId && !ids.has(d.parentId) && !out.some((o) => o.id === d.id)) {
      out.push({ ...d, depth: 0 });
      visit(d.id, 1);
    }
  return out;
}

/** Would making `parentId` the parent of `id` create a cycle? */
export function wouldCreateCycle(departments: readonly DepartmentNode[], id: string, parentId: string | null): boolean {
  if (!parentId) return false;
  return subtreeIds(departments, [id]).includes(parentId);
}
