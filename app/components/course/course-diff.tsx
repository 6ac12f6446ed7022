import { useTranslation } from "react-i18next";

import { externalLecturerText } from "~/components/course/course-summary";
import { RevisionDiff, type DiffEntry, type Rejection } from "~/components/revision-diff";
import { formatYuan } from "~/components/training/format";
import type { CourseChanges, LecturerView } from "~/domain/course/course-diff";

type Field = CourseChanges["fields"][number]["field"];
const LABELS: Record<Field, string> = {
  title: "course.fields.title",
  capacity: "course.fields.capacity",
  outline: "course.fields.outline",
  lecturer: "course.fields.lecturer",
  lecturerFeeFen: "course.fields.lecturerFee",
  venueFeeFen: "course.fields.venueFee",
  materialsFeeFen: "course.fields.materialsFee",
  externalFeeFen: "course.fields.externalFee",
  otherFeeFen: "course.fields.otherFee",
  totalFen: "course.fields.totalCost",
  batchCount: "course.batches.count",
};

/** What changed in the course plan since the revision the training manager sent back (steps 006–007). */
export function CourseDiff({
  title,
  changes,
  rejection,
}: {
  title: string;
  changes: CourseChanges;
  rejection: Rejection;
}) {
  const { t } = useTranslation();
  const about = (label: string, text: string) => `${t(label)}${t("training.colon")}${text}`;
  const lecturer = (v: LecturerView) => {
    const who = v.kind === "INTERNAL" ? (v.person ? t("training.person", v.person) : "—") : externalLecturerText(t, v);
    return `${t(`course.lecturerKinds.${v.kind}`)} ${who}`;
  };
  const show = (change: CourseChanges["fields"][number], value: "before" | "after") => {
    if (change.field === "lecturer") return lecturer(change[value]);
    const v = change[value];
    return change.field === "title" ||
      change.field === "outline" ||
      change.field === "capacity" ||
      change.field === "batchCount"
      ? String(v)
      : formatYuan(v as number);
  };
  const people = (list: Array<{ name: string; employeeNo: string }>) =>
    list.map((p) => t("training.person", p)).join(t("training.listSeparator"));
  const batch = (n: number) => t("course.batches.batchN", { n });
  const session = (s: CourseChanges["sessions"]["added"][number]) =>
    about(
      "course.fields.sessions",
      `${t("course.session.when", s)} · ${s.location}${changes.split ? ` · ${batch(s.batch)}` : ""}`,
    );
  const entries: DiffEntry[] = [];
  if (changes.fields.length) {
    entries.push({
      key: "course",
      kind: "changed",
      title,
      lines: changes.fields.map((c) => ({
        key: c.field,
        label: t(LABELS[c.field]),
        before: show(c, "before"),
        after: show(c, "after"),
      })),
    });
  }
  for (const kind of ["added", "removed"] as const) {
    for (const s of changes.sessions[kind]) entries.push({ key: s.key, kind, title: session(s) });
    if (changes.attendees[kind].length)
      entries.push({
        key: "attendees",
        kind,
        title: about("course.fields.attendees", people(changes.attendees[kind])),
      });
    for (const m of changes.materials[kind])
      entries.push({ key: m.id, kind, title: about("course.fields.materials", m.fileName) });
  }
  if (changes.regrouped.length)
    entries.push({
      key: "regrouped",
      kind: "changed",
      title: t("course.batches.title"),
      lines: changes.regrouped.map((p) => ({
        key: p.id,
        label: t("training.person", p),
        before: batch(p.from),
        after: batch(p.to),
      })),
    });
  return <RevisionDiff rejection={rejection} entries={entries} />;
}
