// The fast paths that live in the app build (so they share its modules: the clock, caches, the pool).
import type { FastPath, FastPathOptions } from "~/utils/fast-path.server";
import { quizAttemptsFastPath } from "./quiz-attempts.server";

export function createFastPaths(options: FastPathOptions): FastPath[] {
  return [quizAttemptsFastPath(options)];
}
