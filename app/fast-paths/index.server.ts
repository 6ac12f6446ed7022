// The fast paths, served from the app build so they share its modules (the clock, caches, the pool).
import { startChangeFeed } from "~/utils/change-feed.server";
import { disconnectDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { FastPathOptions, FastPaths } from "~/utils/fast-path.server";

import { createClearanceService } from "./clearance.server";
import { quizAttemptsFastPath } from "./quiz-attempts.server";

export function createFastPaths(options: FastPathOptions): FastPaths {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // Every serving process listens for the changes other processes announce (app/utils/change-feed.server.ts);
  // started here because this is where the build's per-process services start and stop.
  const feed = startChangeFeed({
    connectionString,
    onError: (error) => console.error("[change-feed]", error instanceof Error ? error.message : error),
  });
  // The clearance API is asked first: the case system calls it thousands of times a second.
  const clearance = createClearanceService({ connectionString });
  const stop = async () => {
    await feed.stop();
    await clearance.stop();
    // The quiz calls and the pages share the build's pool; the server is stopping, so it goes too.
    await disconnectDb();
  };
  return { paths: [clearance.handle, quizAttemptsFastPath(options)], ready: clearance.ready, stop };
}
