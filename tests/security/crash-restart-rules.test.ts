// Attack: kill -9 the server and start it again. These are the pure decisions behind the restart
// (which lock file means "stop the earlier PostgreSQL", what a failed start prints); the real kill
// and restart run in crash-restart.e2e.ts.
import { describe, expect, test } from "vitest";

import {
  StartError,
  describeStartFailure,
  explainPostgresStartFailure,
  judgeEarlierPostgres,
  parsePostmasterPid,
} from "../../server/postgres-rules";

const DATA_DIR = "/srv/traingate/data/pg";
const PID_FILE = `4242\n${DATA_DIR}\n1796332145\n54329\n/tmp\nlocalhost\n  5432001    131072\nready   \n`;
const POSTMASTER = ["/opt/pg/bin/postgres", "-D", DATA_DIR, "-p", "54329", "-c", "listen_addresses=localhost"];

describe("the lock file of an earlier PostgreSQL", () => {
  test("is read for its pid, data directory and port", () => {
    expect(parsePostmasterPid(PID_FILE)).toEqual({ pid: 4242, dataDir: DATA_DIR, port: 54329 });
  });

  test("a truncated or garbage file names no process", () => {
    expect(parsePostmasterPid("")).toBeNull();
    expect(parsePostmasterPid("abc\n/x\n")).toBeNull();
    expect(parsePostmasterPid("1\n/x\n")).toBeNull(); // never signal init
    expect(parsePostmasterPid("-5\n")).toBeNull();
  });

  test("no lock file: nothing to stop", () => {
    expect(judgeEarlierPostgres(null, DATA_DIR, null)).toEqual({ kind: "none" });
  });

  test("a lock file whose process is gone is left to PostgreSQL", () => {
    const file = parsePostmasterPid(PID_FILE);
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: false, cmdline: null })).toEqual({ kind: "stale", pid: 4242 });
  });

  test("a live postmaster on our data directory is ours to stop", () => {
    const file = parsePostmasterPid(PID_FILE);
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: POSTMASTER })).toEqual({
      kind: "ours",
      pid: 4242,
    });
    // The same directory written another way (trailing slash) is still ours.
    const other = POSTMASTER.map((arg) => (arg === DATA_DIR ? `${DATA_DIR}/` : arg));
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: other }).kind).toBe("ours");
  });

  test("a postmaster whose server still runs is not an orphan: a second start leaves both alone", () => {
    const file = parsePostmasterPid(PID_FILE);
    const server = { pid: 4200, cmdline: ["/usr/bin/node", "build/start/main.js"] };
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: POSTMASTER, parent: server })).toEqual({
      kind: "inUse",
      pid: 4242,
      serverPid: 4200,
    });
    // Orphaned, it belongs to PID 1 or to a reaper such as tini: ours to stop.
    for (const parent of [
      { pid: 1, cmdline: ["/sbin/init"] },
      { pid: 77, cmdline: ["/sbin/tini", "--", "npm", "start"] },
    ])
      expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: POSTMASTER, parent }).kind).toBe("ours");
  });

  test("where the command line cannot be read, the lock file and a live pid decide", () => {
    const file = parsePostmasterPid(PID_FILE);
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: null })).toEqual({ kind: "ours", pid: 4242 });
  });

  test("a pid now held by another program, or by a PostgreSQL of another directory, is never signalled", () => {
    const file = parsePostmasterPid(PID_FILE);
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: ["/usr/bin/vim", "notes.txt"] })).toEqual({
      kind: "reused",
      pid: 4242,
    });
    const elsewhere = ["/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/15/main"];
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: elsewhere }).kind).toBe("reused");
    // A backend's retitled command line is not a postmaster.
    expect(judgeEarlierPostgres(file, DATA_DIR, { alive: true, cmdline: ["postgres: checkpointer "] }).kind).toBe(
      "reused",
    );
  });
});

describe("a failed start says why", () => {
  const where = { port: 54329, dataDir: "./data/pg" };

  test("a busy port names the port and the variable to change", () => {
    const log =
      'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\n' +
      'WARNING:  could not create listen socket for "localhost"\nFATAL:  could not create any TCP/IP sockets\n';
    const text = explainPostgresStartFailure(log, where);
    expect(text).toContain("54329");
    expect(text).toContain("EMBEDDED_PG_PORT");
  });

  test("a locked data directory names the process holding it", () => {
    const log =
      'FATAL:  lock file "postmaster.pid" already exists\n' +
      'HINT:  Is another postmaster (PID 777) running in data directory "/srv/traingate/data/pg"?\n';
    const text = explainPostgresStartFailure(log, where);
    expect(text).toContain("777");
    expect(text).toContain("./data/pg");
  });

  test("anything else shows PostgreSQL's last lines", () => {
    expect(explainPostgresStartFailure("FATAL:  out of memory\n", where)).toContain("FATAL:  out of memory");
    expect(explainPostgresStartFailure("", where)).toMatch(/said nothing/);
  });

  test("a rejection without a value is never printed as `undefined` alone", () => {
    for (const value of [undefined, null, "", 0, { code: "X" }]) {
      const text = describeStartFailure(value);
      expect(text).toMatch(/^TrainGate could not start: .+/);
      expect(text.trim()).not.toBe("undefined");
    }
    expect(describeStartFailure(new StartError("port 3000 is in use"))).toBe(
      "TrainGate could not start: port 3000 is in use",
    );
    expect(describeStartFailure(new Error("boom"))).toContain("boom");
  });
});
