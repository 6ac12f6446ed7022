// The clearance API against hostile employee numbers, and a call log that one bad entry cannot stop.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createApiKey } from "~/domain/clearance/api-keys.server";
import { callLogHealth } from "~/domain/clearance/call-log-health.server";
import { createCallLog, type CallEntry } from "~/domain/clearance/call-log.server";
import { createClearanceService, type ClearanceService } from "~/fast-paths/clearance.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createPgPool } from "~/utils/pg-pool.server";

import {
  cookieFor,
  outcome,
  personId,
  requestAs,
  seedDemoCompany,
  demoCompanyBeforeEachTest,
} from "../integration/support";

let service: ClearanceService;
let server: Server;
let base: string;
let key: string;
const onError = vi.fn();

demoCompanyBeforeEachTest();
beforeEach(async () => {
  await seedDemoCompany();
  onError.mockReset();
  ({ key } = await createApiKey({ id: await personId("A0001"), employeeNo: "A0001" }, "催收作业系统"));
  service = createClearanceService({ connectionString: process.env.DATABASE_URL!, onError });
  server = createServer((req, res) => {
    if (!service.handle(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await service.refresh();
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
  await service.stop();
});

/** `segment` goes on the path as given: escapes stay escapes. */
const call = (segment: string, authorization: string | null = `Bearer ${key}`) =>
  fetch(`${base}/api/v1/clearance/${segment}`, { headers: authorization ? { Authorization: authorization } : {} });

const HOSTILE: Array<[string, string]> = [
  ["a NUL", "C0102%00"],
  ["a line feed", "C0102%0A"],
  ["a carriage return and a header", "C0102%0D%0AX-Evil:%201"],
  ["a tab", "C01%0902"],
  ["an escape character", "C0102%1B%5B31m"],
  ["DEL", "C0102%7F"],
  ["a zero-width space", "C0102%E2%80%8B"],
  ["a malformed escape", "C0102%E0%A4%A"],
  ["5,000 characters", "C".repeat(5_000)],
  ["a 5,000-character script", `%3Cscript%3E${"x".repeat(5_000)}`],
];

describe("an employee number that cannot be one", () => {
  it.each(HOSTILE)("with %s is refused with 400 and a fixed message that echoes nothing", async (_what, segment) => {
    const res = await call(segment);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "invalidEmployeeNo" });
    expect(text).not.toContain("C0102");
    expect(text.length).toBeLessThan(40);
  });

  it("is refused before the key is looked at", async () => {
    expect((await call("C0102%00", null)).status).toBe(400);
  });

  it("does not stop the call log: the calls after it are logged, and so are the refusals, made storable", async () => {
    for (const [, segment] of HOSTILE) expect((await call(segment)).status).toBe(400);
    expect((await call("C0102")).status).toBe(200);
    await service.flushLog();
    expect((await call("C0101")).status).toBe(200);
    await service.flushLog();
    const rows = await db.clearanceCall.findMany({
      orderBy: { id: "asc" },
      select: { employeeNo: true, status: true },
    });
    expect(rows.filter((r) => r.status === 400)).toHaveLength(HOSTILE.length);
    expect(rows.filter((r) => r.status === 200).map((r) => r.employeeNo)).toEqual(["C0102", "C0101"]);
    for (const r of rows) {
      expect(r.employeeNo).not.toMatch(/[\p{Cc}]/u);
      expect(r.employeeNo.length).toBeLessThanOrEqual(60);
    }
    expect(service.pendingLog()).toBe(0);
    expect(onError).not.toHaveBeenCalled();
    expect((await callLogHealth()).lastWriteAt).not.toBeNull();
  });
});

describe("the same employee, however typed", () => {
  it.each(["c0102", "%20C0102%20", "%20c0102", "C0102%20%20"])("%s is C0102", async (segment) => {
    const res = await call(segment);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ employeeNo: "C0102", cleared: true });
  });

  it("an unknown but well-formed number is 404 and echoed normalised", async () => {
    const res = await call("x9999");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "notFound", employeeNo: "X9999" });
  });
});

describe("the call log", () => {
  const entry = (employeeNo: string): CallEntry => ({
    at: now().getTime(),
    apiKeyId: null,
    employeeNo,
    status: 200,
    cleared: true,
  });
  /** A pool whose inserts of the call log fail as PostgreSQL does on a row `refuse` picks. */
  function poolRefusing(pool: pg.Pool, refuse: (employeeNos: string[]) => Error | null): pg.Pool {
    const query = (text: string, params?: unknown[]) => {
      const error = text.includes(`INSERT INTO "ClearanceCall"`)
        ? refuse(JSON.parse(params![2] as string) as string[])
        : null;
      return error ? Promise.reject(error) : pool.query(text, params);
    };
    return { query } as unknown as pg.Pool;
  }
  const dataError = () =>
    Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });

  it("a batch refused for one entry is written entry by entry: only that one is dropped, and counted", async () => {
    const pool = createPgPool(process.env.DATABASE_URL!, 1, onError);
    try {
      const log = createCallLog(
        poolRefusing(pool, (nos) => (nos.includes("BAD") ? dataError() : null)),
        onError,
      );
      for (const no of ["C0101", "BAD", "C0102", "C0103"]) log.push(entry(no));
      await log.flush();
      const rows = await db.clearanceCall.findMany({ orderBy: { id: "asc" }, select: { employeeNo: true } });
      expect(rows.map((r) => r.employeeNo)).toEqual(["C0101", "C0102", "C0103"]);
      expect(log.pending()).toBe(0);
      expect(log.dropped()).toBe(1);
      // The next batch is written whole.
      log.push(entry("C0104"));
      await log.flush();
      expect(await db.clearanceCall.count()).toBe(4);
      expect(await callLogHealth()).toMatchObject({ droppedRows: 1, consecutiveFailures: 0, stalled: false });
    } finally {
      await pool.end();
    }
    onError.mockReset();
  });

  it("a database that refuses every write keeps the entries and shows the administrator the stall", async () => {
    const pool = createPgPool(process.env.DATABASE_URL!, 1, onError);
    try {
      let down = false;
      const lost = () => Object.assign(new Error("Connection terminated unexpectedly"), { code: undefined });
      const log = createCallLog(
        poolRefusing(pool, () => (down ? lost() : null)),
        onError,
      );
      log.push(entry("C0101"));
      await log.flush();
      down = true;
      log.push(entry("C0102"));
      await log.flush();
      await log.flush();
      log.push(entry("C0103"));
      await log.flush();
      expect(log.pending()).toBe(2);
      expect(await callLogHealth()).toMatchObject({ consecutiveFailures: 3, stalled: true });
      const page = await import("~/routes/_app.api-keys");
      const cookie = await cookieFor("A0001");
      const html = await outcome(() =>
        page.loader({
          request: requestAs(cookie, "/api-keys"),
          params: {},
          context: { cspNonce: "" },
        }),
      );
      expect(html.body).toMatchObject({ log: { stalled: true, consecutiveFailures: 3 } });
      down = false;
      await log.flush();
      expect(log.pending()).toBe(0);
      expect(await db.clearanceCall.count()).toBe(3);
      expect(await callLogHealth()).toMatchObject({ consecutiveFailures: 0, stalled: false, droppedRows: 0 });
    } finally {
      await pool.end();
    }
    onError.mockReset();
  });
});
