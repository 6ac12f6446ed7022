// The one answer to "is this process still running" (server/process-alive.ts), used by the server for an
// orphaned PostgreSQL and by the test set-up for workers' claims and embedded PostgreSQL data directories.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

import { afterEach, describe, expect, it, vi } from "vitest";

import { isProcessAlive } from "../../server/process-alive";

afterEach(() => vi.restoreAllMocks());

const errno = (code: string) => Object.assign(new Error(code), { code });

describe("isProcessAlive", () => {
  it("is true for a running process", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  it("is false once the process has ended (ESRCH)", () => {
    const ended = spawnSync("true").pid;
    expect(ended).toBeGreaterThan(0);
    expect(isProcessAlive(ended)).toBe(false);
  });

  it("is true for another user's process (EPERM) and false for none (ESRCH)", () => {
    const kill = vi.spyOn(process, "kill");
    kill.mockImplementation(() => {
      throw errno("EPERM");
    });
    expect(isProcessAlive(process.pid)).toBe(true);
    kill.mockImplementation(() => {
      throw errno("ESRCH");
    });
    expect(isProcessAlive(process.pid)).toBe(false);
  });

  it.runIf(process.platform === "linux")("is false for a zombie, which still answers signal 0", async () => {
    // The child waits on the test's pipe; its parent execs `sleep`, which never reaps it. The child ends only once
    // the parent is `sleep`: ended earlier (it did, under load in CI), `sh` itself reaped it and no zombie stayed.
    const parent = spawn("sh", ["-c", "exec 3<&0; read x <&3 & echo $!; exec sleep 60"], {
      stdio: ["pipe", "pipe", "ignore"],
    });
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d)))));
      // Limits, not assertions: idle these take milliseconds, at load 17 several seconds.
      await vi.waitFor(() => expect(fs.readFileSync(`/proc/${parent.pid}/comm`, "utf8").trim()).toBe("sleep"), {
        timeout: 20_000,
      });
      parent.stdin.end();
      await vi.waitFor(() => expect(fs.readFileSync(`/proc/${pid}/stat`, "utf8")).toMatch(/^\d+ \(.*\) Z/s), {
        timeout: 20_000,
      });
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
