import { describe, expect, it } from "vitest";

import { autoAssignmentReason, isCollectionPost } from "./assignment-rules";

describe("automatic assignment of the case-work quiz", () => {
  it("knows the collection posts", () => {
    expect(isCollectionPost("催收员")).toBe(true);
    expect(isCollectionPost("催收组长")).toBe(true);
    expect(isCollectionPost("客服专员")).toBe(false);
  });

  it("assigns a new hire into a collection post", () => {
    expect(autoAssignmentReason(null, { post: "催收员", status: "NEW_HIRE" })).toBe("NEW_HIRE");
    expect(autoAssignmentReason(null, { post: "客服专员", status: "NEW_HIRE" })).toBeNull();
  });

  it("assigns someone moving into a collection post, or marked as transferring within one", () => {
    expect(autoAssignmentReason({ post: "客服专员", status: "ACTIVE" }, { post: "催收员", status: "ACTIVE" })).toBe(
      "TRANSFER",
    );
    expect(autoAssignmentReason({ post: "催收员", status: "ACTIVE" }, { post: "催收员", status: "TRANSFERRING" })).toBe(
      "TRANSFER",
    );
  });

  it("leaves everyone else alone", () => {
    expect(
      autoAssignmentReason({ post: "催收员", status: "ACTIVE" }, { post: "催收组长", status: "ACTIVE" }),
    ).toBeNull();
    expect(
      autoAssignmentReason({ post: "催收员", status: "ACTIVE" }, { post: "客服专员", status: "ACTIVE" }),
    ).toBeNull();
    expect(autoAssignmentReason({ post: "客服专员", status: "ACTIVE" }, { post: "催收员", status: "LEFT" })).toBeNull();
  });
});
