import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

let client: PrismaClient | undefined;

// Created on first use: the server starts the database (embedded or not) before any query runs.
function getClient(): PrismaClient {
  if (!client) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
  }
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
}
