// The clearance API as a fast path: answered before express and Remix, from this process's
// own snapshot (each WEB_CONCURRENCY process keeps one). See docs/decisions/0009-clearance-api.md.
import { createClearanceService } from "../app/domain/clearance/clearance-api.server";
import { FAST_PATHS } from "./fast-paths";

const service = createClearanceService({ connectionString: process.env.DATABASE_URL! });
FAST_PATHS.push(service.handle);

/** Writes the calls still queued and closes the pool. */
export const stopClearance = () => service.stop();
