// The demo's scheduling lists (docs/decisions/0025): the training rooms, and the external trainers its
// courses named. Run after the courses are seeded: their sessions and courses are linked to the lists the
// way the rooms migration links an upgraded company's.
import { roomKey } from "../../app/domain/scheduling/room-rules";
import type { Tx } from "../../app/utils/db.server";

export const DEMO_ROOMS = [
  { name: "培训室 A301", capacity: 30, equipment: "投影仪、麦克风、白板" },
  { name: "培训室 A302", capacity: 40, equipment: "投影仪、麦克风、录音固话 2 部" },
  { name: "培训室 B201", capacity: 30, equipment: "投影仪、白板" },
  { name: "培训室 B202", capacity: 24, equipment: "电视屏、白板" },
  { name: "培训室 B203", capacity: 20, equipment: "白板" },
  { name: "大会议室", capacity: 80, equipment: "投影仪、音响、无线麦克风 4 支、视频会议" },
  { name: "电脑室", capacity: 24, equipment: "电脑 24 台（已装案件系统培训环境）、投影仪" },
  { name: "培训部小会议室", capacity: 12, equipment: "电视屏" },
];

export async function seedRooms(tx: Tx) {
  await tx.room.createMany({ data: DEMO_ROOMS.map((r) => ({ ...r, nameKey: roomKey(r.name) })) });
  const rooms = await tx.room.findMany({ select: { id: true, nameKey: true } });
  const sessions = await tx.courseSession.findMany({
    where: { course: { monthlyItem: { category: { notIn: ["EXTERNAL", "GROUP"] } } } },
    select: { id: true, location: true },
  });
  for (const room of rooms) {
    const ids = sessions.filter((s) => roomKey(s.location) === room.nameKey).map((s) => s.id);
    if (ids.length) await tx.courseSession.updateMany({ where: { id: { in: ids } }, data: { roomId: room.id } });
  }
  const external = await tx.course.findMany({
    where: { lecturerKind: "EXTERNAL", externalLecturer: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, externalLecturer: true, externalOrg: true, externalContact: true },
  });
  const trainers = new Map<string, { id: string }>();
  for (const c of external) {
    const key = `${c.externalLecturer}|${c.externalOrg ?? ""}`;
    let trainer = trainers.get(key);
    if (!trainer) {
      trainer = await tx.externalTrainer.create({
        data: { name: c.externalLecturer!, organisation: c.externalOrg ?? "", contact: c.externalContact ?? "" },
        select: { id: true },
      });
      trainers.set(key, trainer);
    }
    await tx.course.update({ where: { id: c.id }, data: { trainerId: trainer.id } });
  }
}
