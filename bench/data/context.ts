// What every part of the generator shares: the connection, the anchor instant, the seeded sequence, ids,
// the demo company's staff it acts as, and the bench company's organisation.
import type pg from "pg";

import type { Company } from "./company";
import { benchId, type Rng } from "./random";

export type Actor = { id: string; employeeNo: string; name: string };
export type Ctx = {
  client: pg.Client;
  /** The database's URL, for a second connection (two COPYs at once). */
  url: string;
  /** BENCH_SEED: `r` is drawn from it; parts that must not shift `r` seed their own sequence from it. */
  seed: number;
  at: Date;
  r: Rng;
  company: Company;
  manager: Actor;
  leader: Actor;
  clerk: Actor;
  lecturers: Actor[];
  /** The year `at` falls in, in the company's time zone, and the two before it. */
  years: number[];
  id: (kind: string) => string;
};

export const DAY = 86_400_000;

/** An instant given as a wall-clock time in Shanghai (UTC+8, no summer time). */
export function shanghai(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
}

export function idMaker(): (kind: string) => string {
  const seq = new Map<string, number>();
  return (kind) => {
    const n = seq.get(kind) ?? 0;
    seq.set(kind, n + 1);
    return benchId(kind, n);
  };
}

export async function actor(client: pg.Client, employeeNo: string): Promise<Actor> {
  const row = (await client.query(`SELECT id, "employeeNo", name FROM "Person" WHERE "employeeNo" = $1`, [employeeNo]))
    .rows[0];
  if (!row) throw new Error(`the demo company has no ${employeeNo}`);
  return row as Actor;
}

/** The three columns an approval decision names its actor by. */
export const by = (a: Actor) => [a.id, a.employeeNo, a.name] as const;
