import { defineConfig } from "prisma/config";

// The URL is only needed by the migrate commands; `generate` runs without one.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
