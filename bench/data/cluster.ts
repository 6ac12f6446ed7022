// Where the bench company lives: BENCH_DATABASE_URL when set, else an embedded PostgreSQL of its own
// under ./bench-data (port BENCH_PG_PORT, 54506 by default), kept between runs so it is generated once.
import path from "node:path";

import type { Database } from "../../server/database";
import { ROOT } from "../support/bench-server";

export const BENCH_DATA_DIR = path.join(ROOT, "bench-data");

export async function openBenchCluster(): Promise<Database> {
  const { startDatabase } = await import("../../server/database");
  const url = process.env.BENCH_DATABASE_URL;
  return startDatabase(
    {
      DATABASE_URL: url || undefined,
      TRAINGATE_DATA_DIR: BENCH_DATA_DIR,
      EMBEDDED_PG_PORT: Number(process.env.BENCH_PG_PORT ?? 54_506),
    },
    (line) => console.log(line),
  );
}

/** The same URL without its password, for output an operator may paste somewhere. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
