// The bench company generator's pure parts (bench/data): one seed gives the same sequence, ids and
// COPY lines every time, so two runs of `npm run bench:data` produce the same rows.
import { describe, expect, it } from "vitest";

import { benchId, copyLine, rng } from "../../bench/data/random";
import { personName } from "../../bench/data/vocabulary";

describe("bench data generator", () => {
  it("draws the same sequence from the same seed, and another from another", () => {
    const draw = (seed: number) => {
      const r = rng(seed);
      return Array.from({ length: 5 }, () => [r.int(1, 100), r.pick(["a", "b", "c"]), r.chance(0.5)]);
    };
    expect(draw(2026)).toEqual(draw(2026));
    expect(draw(2026)).not.toEqual(draw(2027));
    const r = rng(1);
    for (let i = 0; i < 1_000; i++) expect(r.int(3, 5)).toBeGreaterThanOrEqual(3);
  });

  it("makes short ids that sort by number and never look like a cuid", () => {
    expect(benchId("pp", 0)).toBe("bkpp0000000");
    expect(benchId("pp", 35)).toBe("bkpp000000z");
    expect(benchId("pp", 36) > benchId("pp", 35)).toBe(true);
    expect(personName(17)).toBe(personName(17));
  });

  it("writes COPY text lines: NULL, booleans, instants, arrays, JSON, and escaped tabs and newlines", () => {
    expect(
      copyLine([null, true, 3, new Date("2026-01-02T03:04:05Z"), ["B8", 'a"b'], [1, 2], { y: 1 }, "a\tb\nc\\d"]),
    ).toBe('\\N\tt\t3\t2026-01-02T03:04:05.000Z\t{"B8","a\\\\"b"}\t{1,2}\t{"y":1}\ta\\tb\\nc\\\\d\n');
  });
});
