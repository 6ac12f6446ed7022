import { describe, expect, it } from "vitest";

import { inOfficeNetwork, parseOfficeNetworks } from "./office-networks";

describe("the office network setting", () => {
  it("accepts every address when no range is set", () => {
    expect(inOfficeNetwork("203.0.113.9", "")).toBe(true);
    expect(inOfficeNetwork(null, "  ")).toBe(true);
  });

  it("accepts addresses inside a range and refuses the rest, IPv4-mapped IPv6 included", () => {
    const setting = "10.8.0.0/16, 192.168.1.20\n2001:db8::/32";
    expect(inOfficeNetwork("10.8.44.7", setting)).toBe(true);
    expect(inOfficeNetwork("::ffff:10.8.44.7", setting)).toBe(true);
    expect(inOfficeNetwork("192.168.1.20", setting)).toBe(true);
    expect(inOfficeNetwork("192.168.1.21", setting)).toBe(false);
    expect(inOfficeNetwork("2001:db8::1", setting)).toBe(true);
    expect(inOfficeNetwork("10.9.0.1", setting)).toBe(false);
    expect(inOfficeNetwork(null, setting)).toBe(false);
    expect(inOfficeNetwork("not an address", setting)).toBe(false);
  });

  it("names the entries that are not an address or a range", () => {
    expect(parseOfficeNetworks("10.0.0.0/8，10.0.0.0/99 office").invalid).toEqual(["10.0.0.0/99", "office"]);
  });
});
