import { describe, expect, it } from "vitest";

import { canReadChangesSince, xid32 } from "./snapshot-horizon";

const epoch = (n: bigint) => n * 2n ** 32n;

describe("the horizon of the clearance snapshot", () => {
  it("compares rows by the 32-bit id within an epoch", () => {
    expect(xid32(59_374n)).toBe(59_374n);
    expect(xid32(epoch(3n) + 17n)).toBe(17n);
    expect(canReadChangesSince(epoch(3n) + 17n, epoch(3n) + 4_000_000_000n)).toBe(true);
    expect(canReadChangesSince(100n, 100n)).toBe(true);
  });

  it("reads everything again once the ids have wrapped around since", () => {
    expect(canReadChangesSince(epoch(3n) + 4_000_000_000n, epoch(4n) + 5n)).toBe(false);
    expect(canReadChangesSince(4_294_967_295n, 4_294_967_296n)).toBe(false);
  });
});
