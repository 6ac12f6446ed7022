import { describe, expect, it } from "vitest";

import { linkChanges, NEED_OUTCOMES, outcomeAfterLinks } from "./need-outcome-rules";

describe("a need's outcome follows its links to plan items", () => {
  it.each(NEED_OUTCOMES)("%s: linked is adopted or merged, unlinked is pending or not adopted", (outcome) => {
    expect(["ADOPTED", "MERGED"]).toContain(outcomeAfterLinks(outcome, true));
    expect(["PENDING", "NOT_ADOPTED"]).toContain(outcomeAfterLinks(outcome, false));
  });

  it("linking a pending or refused need adopts it; a merged need stays merged", () => {
    expect(outcomeAfterLinks("PENDING", true)).toBe("ADOPTED");
    expect(outcomeAfterLinks("NOT_ADOPTED", true)).toBe("ADOPTED");
    expect(outcomeAfterLinks("MERGED", true)).toBe("MERGED");
  });

  it("a need taken out of its last item is pending again; a refusal stays", () => {
    expect(outcomeAfterLinks("ADOPTED", false)).toBe("PENDING");
    expect(outcomeAfterLinks("MERGED", false)).toBe("PENDING");
    expect(outcomeAfterLinks("NOT_ADOPTED", false)).toBe("NOT_ADOPTED");
  });
});

describe("what marking a need changes in the plan", () => {
  it("adopting or merging links the need to the item once, leaving its other items", () => {
    expect(linkChanges([], "ADOPTED", "a")).toEqual({ add: ["a"], remove: [] });
    expect(linkChanges(["a", "b"], "MERGED", "b")).toEqual({ add: [], remove: [] });
    expect(linkChanges(["a"], "MERGED", "b")).toEqual({ add: ["b"], remove: [] });
  });

  it("not adopting takes the need out of every item", () => {
    expect(linkChanges(["a", "b"], "NOT_ADOPTED", undefined)).toEqual({ add: [], remove: ["a", "b"] });
    expect(linkChanges([], "NOT_ADOPTED", undefined)).toEqual({ add: [], remove: [] });
  });
});
