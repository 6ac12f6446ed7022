import { describe, expect, it } from "vitest";

import { parseEnv } from "~/utils/env.server";

import { mailLink } from "./mail-link";

describe("links in mail", () => {
  it("are absolute under PUBLIC_URL, also when TrainGate lives under a path", () => {
    expect(mailLink("/courses/c1/confirmations", "https://traingate.example.com")).toBe(
      "https://traingate.example.com/courses/c1/confirmations",
    );
    expect(mailLink("/my-training/c1", "https://intra.example.com/traingate")).toBe(
      "https://intra.example.com/traingate/my-training/c1",
    );
  });

  it("are the path alone without it", () => {
    expect(mailLink("/courses/c1/confirmations", undefined)).toBe("/courses/c1/confirmations");
  });

  it("PUBLIC_URL must be an http(s) address; a trailing slash is dropped", () => {
    expect(parseEnv({ PUBLIC_URL: "https://traingate.example.com/" }).PUBLIC_URL).toBe("https://traingate.example.com");
    expect(() => parseEnv({ PUBLIC_URL: "ftp://x" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "traingate" })).toThrow(/PUBLIC_URL/);
  });
});
