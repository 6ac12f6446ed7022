import { db } from "~/utils/db.server";

/** Every rule with the version in force and how many active questions test it. */
export async function listRules() {
  const rules = await db.callRule.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      group: true,
      currentVersion: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          titleZh: true,
          titleEn: true,
          textZh: true,
          textEn: true,
          redLine: true,
          effectiveAt: true,
          changeNote: true,
        },
      },
      _count: { select: { questions: { where: { question: { active: true } } } } },
    },
  });
  return rules.map(({ versions, _count, ...r }) => ({
    ...r,
    current: versions.find((v) => v.version === r.currentVersion) ?? versions[0],
    questionCount: _count.questions,
  }));
}

export async function getRule(id: string) {
  return db.callRule.findUnique({
    where: { id },
    select: { id: true, group: true, currentVersion: true, versions: { orderBy: { version: "desc" } } },
  });
}
