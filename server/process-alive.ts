// Whether a process is still running, by its id: the one answer the server (an orphaned PostgreSQL) and
// the test set-up (a worker's claim, an embedded PostgreSQL's data directory) both ask.
import { readFileSync } from "node:fs";

/**
 * True while the process runs. Signal 0 answers ESRCH when there is no such process and EPERM when it
 * exists but belongs to another user (a postgres started as its own user): alive. A zombie still answers
 * signal 0 until its new parent reaps it (where PID 1 does not reap, forever), but it no longer runs.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (process.platform !== "linux") return true;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    // Gone between the two looks, or no /proc to read: signal 0 decides.
    return signalZeroFinds(pid);
  }
  return !/^\d+ \(.*\) Z/s.test(stat);
}

function signalZeroFinds(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
