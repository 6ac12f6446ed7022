// Pure: the office network's address ranges that sign-in may be limited to (a setting). One range per
// line or comma: "10.8.0.0/16", "192.168.1.20", "2001:db8::/32". Empty: sign-in from anywhere.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRange(text: string): Range | null {
  try {
    if (text.includes("/")) return ipaddr.parseCIDR(text);
    const address = ipaddr.parse(text);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

/** The ranges written in the setting, and the entries that are not an address or a range. */
export function parseOfficeNetworks(setting: string): { ranges: Range[]; invalid: string[] } {
  const entries = setting
    .split(/[\s,，;；]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const ranges: Range[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const range = parseRange(entry);
    if (range) ranges.push(range);
    else invalid.push(entry);
  }
  return { ranges, invalid };
}

/** Whether an address is inside one of the ranges; no ranges means every address is. */
export function inOfficeNetwork(address: string | null | undefined, setting: string): boolean {
  const { ranges } = parseOfficeNetworks(setting);
  if (ranges.length === 0) return true;
  if (!address) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) becomes IPv4
  } catch {
    return false;
  }
  return ranges.some(([network, bits]) => parsed.kind() === network.kind() && parsed.match(network, bits));
}
