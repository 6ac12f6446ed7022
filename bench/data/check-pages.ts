// After `npm run bench:data`: do the pages that read quiz answers still answer on the bench company?
// Asks each page a few times, one request at a time, as the person who would open it, and prints the
// status, the time to the end of the document, its size and the server's CPU for it.
//   BENCH_DATABASE_URL=…/copy-of-the-bench-company BENCH_BASE=http://localhost:3517 BENCH_SERVER_PID=… \
//     npx tsx bench/data/check-pages.ts
// Makes sessions in that database: give it a copy, not the template others clone.
import { cpuSeconds } from "../support/bench-server";

const base = process.env.BENCH_BASE ?? "http://localhost:3517";
const pid = Number(process.env.BENCH_SERVER_PID ?? Number.NaN);
const times = Number(process.env.BENCH_TIMES ?? 3);
const { setDatabaseUrl } = await import("../../app/utils/env.server");
setDatabaseUrl(process.env.BENCH_DATABASE_URL!);
const { db, disconnectDb } = await import("../../app/utils/db.server");
const { createSession, sessionCookieHeader } = await import("../../app/utils/session.server");

async function cookieFor(employeeNo: string) {
  const person = await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } });
  const token = await db.$transaction((tx) => createSession(tx, person.id));
  return (await sessionCookieHeader(new Request("http://localhost/"), token)).split(";")[0];
}

const agent = await db.person.findUniqueOrThrow({ where: { employeeNo: "B00002" }, select: { id: true } });
const attempts = await db.quizAttempt.findMany({
  where: { personId: agent.id, status: "SUBMITTED" },
  orderBy: { submittedAt: "desc" },
  select: { id: true, passed: true },
});
const failed = attempts.find((a) => !a.passed) ?? attempts[0];
const passed = attempts.find((a) => a.passed) ?? attempts[0];
// One of the bench bank's, if it has one.
const question = await db.quizQuestion.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true } });
const course = await db.course.findFirstOrThrow({ where: { quizId: { not: null } }, select: { id: true } });
const survey = await db.needsSurvey.findFirstOrThrow({ orderBy: { year: "desc" }, select: { id: true } });
const cookies = { agent: await cookieFor("B00002"), manager: await cookieFor("T0001"), head: await cookieFor("D0301") };
await disconnectDb();

const pages: Array<[string, string, keyof typeof cookies]> = [
  ["an attempt's result (agent, failed)", `/quiz/attempts/${failed.id}/result`, "agent"],
  ["an attempt's result (agent, passed)", `/quiz/attempts/${passed.id}/result`, "agent"],
  ["my quizzes (agent)", "/quiz", "agent"],
  ["question bank", "/quiz/questions", "manager"],
  ["question bank, rule B8", "/quiz/questions?rule=B8", "manager"],
  ["a question", `/quiz/questions/${question.id}`, "manager"],
  ["rules", "/quiz/rules", "manager"],
  ["rule loop", "/rule-loop", "manager"],
  ["rule loop, B8", "/rule-loop/B8", "manager"],
  ["dashboard (manager)", "/dashboard", "manager"],
  ["dashboard (department head)", "/dashboard", "head"],
  ["training file (agent's, by manager)", `/training-files/${agent.id}`, "manager"],
  ["a course with a quiz", `/courses/${course.id}`, "manager"],
  ["needs survey", `/needs/${survey.id}`, "manager"],
  ["certification board", "/certification", "manager"],
];
for (const [label, path, who] of pages) {
  const ms: number[] = [];
  const cpu0 = cpuSeconds(pid);
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers: { cookie: cookies[who] }, redirect: "manual" });
    bytes = (await res.arrayBuffer()).byteLength;
    ms.push(Math.round(performance.now() - t0));
    status = res.status;
  }
  const cpu = ((cpuSeconds(pid) - cpu0) * 1000) / times;
  console.log(
    `${label.padEnd(38)} ${status}  ${ms.join(" / ").padStart(20)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} kB  ` +
      `server CPU ${Number.isNaN(cpu) ? "?" : cpu.toFixed(0)} ms/page`,
  );
}
