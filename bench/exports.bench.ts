// The largest exports on the bench company (npm run bench:data), served by the production build: a
// year's needs, the question bank, the training files of the largest department and of everyone, each
// downloaded alone by the training manager. The figure is the time to the last byte; the server's
// resident memory is sampled every 50 ms during each download. Each file is read back (exceljs) and its
// rows counted against the database.
// Targets (issue: performance at scale): each export streams in < 10 s; RSS < 300 MB throughout.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

import ExcelJS from "exceljs";

import { openBenchCluster } from "./data/cluster";
import type { Bench } from "./run";
import { cpuSeconds, startBenchServer } from "./support/bench-server";
import { rssMb } from "./support/page-client";

type Export = { label: string; path: string; rows: number[] };

async function exportsToMeasure(): Promise<Export[]> {
  const { db } = await import("../app/utils/db.server");
  // The survey with the most submitted needs.
  const [survey] = await db.$queryRaw<Array<{ id: string; year: number; needs: bigint }>>`
    SELECT s.id, s.year, count(i.id) AS needs FROM "NeedsSurvey" s
    JOIN "DepartmentNeedsForm" f ON f."surveyId" = s.id AND f.status = 'SUBMITTED'
    JOIN "NeedItem" i ON i."formId" = f.id GROUP BY s.id, s.year ORDER BY needs DESC LIMIT 1`;
  // The department (under the company) with the most training records, its teams included.
  const { subtreeIds } = await import("../app/utils/department-tree");
  const all = await db.department.findMany({ select: { id: true, parentId: true, name: true } });
  const perDepartment = await db.$queryRaw<Array<{ departmentId: string; records: bigint }>>`
    SELECT p."departmentId", count(*) AS records FROM "TrainingRecord" r JOIN "Person" p ON p.id = r."personId"
    GROUP BY p."departmentId"`;
  const recordsOf = new Map(perDepartment.map((d) => [d.departmentId, Number(d.records)]));
  const roots = new Set(all.filter((d) => !d.parentId).map((d) => d.id));
  const candidates = all
    .filter((d) => d.parentId && roots.has(d.parentId))
    .map((d) => {
      const ids = subtreeIds(all, [d.id]);
      return { ...d, ids, records: ids.reduce((sum, id) => sum + (recordsOf.get(id) ?? 0), 0) };
    });
  const department = candidates.sort((a, b) => b.records - a.records)[0];
  const departmentIds = department.ids;
  const inDepartment = { departmentId: { in: departmentIds } };
  return [
    {
      label: `needs ${survey.year} (all departments)`,
      path: `/needs/${survey.id}/export`,
      rows: [Number(survey.needs)],
    },
    { label: "question bank", path: "/quiz/questions/export", rows: [await db.quizQuestion.count()] },
    {
      label: `training files of ${department.name}`,
      path: `/training-files/export?departmentId=${department.id}`,
      rows: [
        await db.person.count({ where: inDepartment }),
        await db.trainingRecord.count({ where: { person: inDepartment } }),
      ],
    },
    {
      label: "training files of everyone",
      path: "/training-files/export",
      rows: [await db.person.count(), await db.trainingRecord.count()],
    },
  ];
}

async function cookieFor(employeeNo: string): Promise<string> {
  const { db } = await import("../app/utils/db.server");
  const { createSession, sessionCookieHeader } = await import("../app/utils/session.server");
  const person = await db.person.findUniqueOrThrow({ where: { employeeNo }, select: { id: true } });
  const token = await db.$transaction((tx) => createSession(tx, person.id));
  return (await sessionCookieHeader(new Request("http://localhost/"), token)).split(";")[0];
}

/** Downloads `url` into `file`, sampling the server's RSS; the time is to the last byte. */
function download(url: string, cookie: string, file: string, pid: number) {
  return new Promise<{ ms: number; firstByteMs: number; bytes: number; peakRss: number; status: number }>(
    (resolve, reject) => {
      const t0 = performance.now();
      let peakRss = rssMb(pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) || 0)), 50);
      const chunks: Buffer[] = [];
      let firstByteMs = Number.NaN;
      request(url, { headers: { Cookie: cookie } }, (res) => {
        res.on("data", (chunk: Buffer) => {
          if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - t0;
          chunks.push(chunk);
        });
        res.on("end", () => {
          clearInterval(sampler);
          const body = Buffer.concat(chunks);
          writeFileSync(file, body);
          const ms = performance.now() - t0;
          resolve({ ms, firstByteMs, bytes: body.byteLength, peakRss, status: res.statusCode ?? 0 });
        });
        res.on("error", (error) => {
          clearInterval(sampler);
          reject(error);
        });
      })
        .on("error", (error) => {
          clearInterval(sampler);
          reject(error);
        })
        .end();
    },
  );
}

/** Data rows (all but the header) of each worksheet, read with exceljs's streaming reader. */
async function rowsPerSheet(file: string): Promise<number[]> {
  const counts: number[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache" });
  for await (const sheet of reader) {
    let rows = 0;
    for await (const row of sheet) if (row.number > 1) rows++;
    counts.push(rows);
  }
  return counts;
}

const bench: Bench = async () => {
  const database = await openBenchCluster();
  const server = await startBenchServer(async () => {}, 1, database);
  const pid = server.pids[0];
  const dir = mkdtempSync(path.join(tmpdir(), "traingate-exports-"));
  const lines: string[] = [];
  const targets: Array<{ label: string; met: boolean }> = [];
  try {
    const { setDatabaseUrl } = await import("../app/utils/env.server");
    setDatabaseUrl(database.url);
    const exports = await exportsToMeasure();
    const cookie = await cookieFor("T0001");
    lines.push(`server RSS after start: ${rssMb(pid).toFixed(0)} MB`);
    let peak = 0;
    for (const [i, e] of exports.entries()) {
      const file = path.join(dir, `${i}.xlsx`);
      const cpu0 = cpuSeconds(pid);
      const r = await download(server.baseURLs[0] + e.path, cookie, file, pid);
      // The server's CPU for the download: unlike the times, it hardly depends on what else the machine runs.
      const cpu = cpuSeconds(pid) - cpu0;
      peak = Math.max(peak, r.peakRss);
      const counts = r.status === 200 ? await rowsPerSheet(file) : [];
      const valid = e.rows.every((n, k) => counts[k] === n);
      lines.push(
        `${e.label}: HTTP ${r.status}, ${(statSync(file).size / 1e6).toFixed(2)} MB, rows ${counts.join(" + ")} ` +
          `(expected ${e.rows.join(" + ")}), first byte ${r.firstByteMs.toFixed(0)} ms, ` +
          `last byte ${(r.ms / 1000).toFixed(2)} s, server CPU ${cpu.toFixed(2)} s, ` +
          `server RSS peak ${r.peakRss.toFixed(0)} MB`,
      );
      targets.push({
        label: `${e.label}: a valid file with every row in < 10 s (${(r.ms / 1000).toFixed(2)} s)`,
        met: r.status === 200 && valid && r.ms < 10_000,
      });
    }
    targets.push({ label: `server RSS < 300 MB throughout (peak ${peak.toFixed(0)} MB)`, met: peak < 300 });
    return { name: "exports", lines, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const { disconnectDb } = await import("../app/utils/db.server");
    await disconnectDb();
    await server.stop();
  }
};

export default bench;
