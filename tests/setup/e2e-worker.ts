/**
 * setupFiles entry of the `e2e` project: when global-e2e.ts found no Chromium (outside CI), every
 * browser test is reported as skipped instead of run.
 */
import { beforeEach, inject } from "vitest";

const skipReason = inject("e2eSkipReason");

beforeEach((context) => {
  if (skipReason) context.skip(`browser tests not run: ${skipReason}`);
});
