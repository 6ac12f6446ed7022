import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

import { PrismaClient, type Prisma } from "~/generated/prisma/client";

import { env } from "./env.server";
import { createPgPool } from "./pg-pool.server";

export type Tx = Prisma.TransactionClient;

let pool: pg.Pool | undefined;
let attemptPool: pg.Pool | undefined;
let client: PrismaClient | undefined;

const onPoolError = (error: Error) => {
  // 57P01: the database is shutting down (Ctrl-C stops it together with the server); not worth a line.
  if ((error as { code?: string }).code !== "57P01") console.error("[db] idle connection error:", error.message);
};

/**
 * One connection pool per process, shared by Prisma and the few hot paths that send SQL themselves
 * (app/utils/sql.server.ts). Created on first use: the server starts the database before any query.
 */
export function getPool(): pg.Pool {
  if (!pool) {
    const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    pool = createPgPool(connectionString, DATABASE_POOL_SIZE, onPoolError);
  }
  return pool;
}

/**
 * Taking a quiz (start, questions, answers, hand-in: app/domain/quiz, ADR 0031) has a pool of its own, on
 * which every statement keeps one generic plan per connection: PostgreSQL otherwise planned the start's
 * first look afresh on every start (its generic plan never looked cheaper than a custom one), which cost
 * more than running it. Up to DATABASE_POOL_SIZE more connections, opened while attempts are taken.
 */
export function getAttemptPool(): pg.Pool {
  if (!attemptPool) {
    const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = env();
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    attemptPool = createPgPool(connectionString, DATABASE_POOL_SIZE, onPoolError, { genericPlans: true });
  }
  return attemptPool;
}

function getClient(): PrismaClient {
  if (!client) client = new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return client;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = getClient();
    const value = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export async function disconnectDb() {
  if (client) await client.$disconnect();
  client = undefined;
  if (pool && !pool.ended) await pool.end();
  pool = undefined;
  if (attemptPool && !attemptPool.ended) await attemptPool.end();
  attemptPool = undefined;
}
