// Pure: reading only the stored certifications changed since a horizon (clearance-snapshot.server.ts).
// A horizon is PostgreSQL's 64-bit transaction id (xid8: epoch × 2³² + xid); a row's xmin is the 32-bit xid.
const XID_SPAN = 2n ** 32n;

/** The 32-bit transaction id a row's xmin is compared with. */
export const xid32 = (horizon: bigint) => horizon % XID_SPAN;

/**
 * Whether the rows changed since `since` can be found by their 32-bit xmin: not once the transaction ids
 * have wrapped around in between (the epoch, the 64-bit horizon's upper half, differs): then read everything.
 */
export const canReadChangesSince = (since: bigint, current: bigint) => since / XID_SPAN === current / XID_SPAN;
