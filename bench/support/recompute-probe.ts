// How long a whole company's certification recompute takes (what a new rule version or a settings change
// starts), and the CPU it costs this process and PostgreSQL (every `postgres` process of the machine, from /proc:
// run it with nothing else on the database server). Recomputes everyone ROUNDS times on the database given.
//   DATABASE_URL=postgresql://…/lead10 LOG_LEVEL=warn npx tsx bench/support/recompute-probe.ts
import fs from "node:fs";

import { sharedInputs } from "~/domain/certification/certification-inputs.server";
import { recomputeCertifications } from "~/domain/certification/certification-store.server";
import { db, disconnectDb } from "~/utils/db.server";

import { cpuSeconds } from "./bench-server";

const ROUNDS = Number(process.env.ROUNDS ?? 5);

/** CPU milliseconds of every `postgres` process now alive (one that exits meanwhile makes a round read low). */
function postgresCpuMs(): number {
  let seconds = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue; // gone meanwhile
    }
    const cpu = cpuSeconds(Number(pid));
    if (!Number.isNaN(cpu)) seconds += cpu;
  }
  return Math.round(seconds * 1000);
}

const ids = (await db.person.findMany({ select: { id: true } })).map((p) => p.id);
const attempts = await db.quizAttempt.count({ where: { status: "SUBMITTED" } });
console.log(`${ids.length} people, ${attempts} submitted attempts`);
for (let round = 1; round <= ROUNDS; round++) {
  const shared = await sharedInputs();
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuMs();
  await recomputeCertifications(ids, shared);
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `round ${round}: ${(performance.now() - started).toFixed(0)} ms; CPU: this process ` +
      `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, PostgreSQL ${postgresCpuMs() - pg0} ms`,
  );
}
await disconnectDb();
