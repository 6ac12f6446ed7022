// The reminder before a session (step 009): settings.reminderLeadHours ahead, once per person and version of
// the session. The claim is one UPDATE … RETURNING, so two runs at once never remind anyone twice.
import { queueMail } from "~/domain/mail/queue-mail.server";
import { getSettings } from "~/domain/settings/settings.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { buildMails, loadNoticeCourse, type PersonMail } from "./notice-data.server";

type Claimed = {
  personId: string;
  courseId: string;
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  location: string;
};

/** Queues the reminders due at `at`; returns how many people × sessions were reminded. */
export async function queueDueReminders(at: Date): Promise<number> {
  const { reminderLeadHours } = await getSettings();
  const until = new Date(at.getTime() + reminderLeadHours * 3_600_000);
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<Claimed[]>`
      UPDATE "SessionInvite" AS i SET "remindedAt" = ${at}
        FROM "CourseDelivery" AS d
       WHERE d."courseId" = i."courseId" AND d."state" = 'PUBLISHED'
         AND i."cancelled" = false AND i."remindedAt" IS NULL
         AND i."startsAt" > ${at} AND i."startsAt" <= ${until}
      RETURNING i."personId", i."courseId", i."uid", i."sequence", i."startsAt", i."endsAt", i."location"`;
    if (claimed.length === 0) return 0;
    const bySession = new Map<string, Claimed[]>();
    for (const c of claimed)
      bySession.set(`${c.courseId}|${c.uid}`, [...(bySession.get(`${c.courseId}|${c.uid}`) ?? []), c]);
    const courses = new Map<string, Awaited<ReturnType<typeof loadNoticeCourse>>>();
    for (const rows of bySession.values()) {
      const { courseId } = rows[0];
      if (!courses.has(courseId)) courses.set(courseId, await loadNoticeCourse(tx, courseId));
      const data = courses.get(courseId);
      if (!data) continue;
      const people = new Map(data.people.map((p) => [p.id, p]));
      // The reminder is about this session: it comes first in the subject and the schedule. No invite is
      // attached: the person's calendar already has this version, and a repeated request would ask again.
      const session = rows[0];
      const others = data.notice.sessions.filter((s) => s.startsAt.getTime() !== session.startsAt.getTime());
      const about = { ...data, notice: { ...data.notice, sessions: [session, ...others] } };
      const mails: PersonMail[] = rows.flatMap((r) => {
        const person = people.get(r.personId);
        return person ? [{ person, kind: "reminder" as const, method: "REQUEST" as const, events: [] }] : [];
      });
      await queueMail(tx, buildMails(about, mails, null));
    }
    for (const [courseId, data] of courses) {
      if (!data) continue;
      const rows = claimed.filter((c) => c.courseId === courseId);
      await writeAudit(tx, {
        actor: null,
        action: "notices.reminded",
        entityType: "Course",
        entityId: courseId,
        summary: { reminders: rows.length, people: new Set(rows.map((r) => r.personId)).size },
      });
    }
    return claimed.length;
  });
}
