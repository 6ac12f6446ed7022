// The fast paths, served from the app build so they share its modules (the clock, caches, the pool).
import { disconnectDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { FastPathOptions, FastPaths } from "~/utils/fast-path.server";

import { createClearanceService } from "./clearance.server";
import { quizAttemptsFastPath } from "./quiz-attempts.server";

export function createFastPaths(options: FastPathOptions): FastPaths {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // The clearance API is asked first: the case system calls it thousands of times a second.
  const clearance = createClearanceService({ connectionString });
  const stop = async () => {
    await clearance.stop();
    // The quiz calls and the pages share the build's pool; the server is stopping, so it goes too.
    await disconnectDb();
  };
  return { paths: [clearance.handle, quizAttemptsFastPath(options)], stop };
}
