import { describe, expect, it } from "vitest";

import {
  CODE_GRACE_MS,
  CODE_WINDOW_MS,
  TICKET_VALID_MS,
  checkScanTicket,
  checkSignInCode,
  codeUrl,
  scanTicket,
  signInCode,
  windowEndsAt,
} from "./sign-in-token";

const SECRET = Buffer.alloc(32, 7);
const OTHER_SECRET = Buffer.alloc(32, 8);
// The start of a window, so that offsets below read as "seconds into the window".
const T0 = new Date(Math.ceil(Date.UTC(2026, 11, 4, 1, 0, 0) / CODE_WINDOW_MS) * CODE_WINDOW_MS);
const after = (ms: number) => new Date(T0.getTime() + ms);

describe("the rotating code", () => {
  it("is valid during its 15-second window", () => {
    const code = signInCode(SECRET, "s1", after(3_000));
    expect(checkSignInCode(SECRET, "s1", code, after(0)).ok).toBe(true);
    expect(checkSignInCode(SECRET, "s1", code, after(CODE_WINDOW_MS - 1)).ok).toBe(true);
  });

  it("changes every window and is the same within one", () => {
    expect(signInCode(SECRET, "s1", after(1_000))).toBe(signInCode(SECRET, "s1", after(14_000)));
    expect(signInCode(SECRET, "s1", after(14_999))).not.toBe(signInCode(SECRET, "s1", after(15_000)));
    expect(windowEndsAt(after(4_000))).toEqual(after(CODE_WINDOW_MS));
  });

  it("of the previous window still counts for a few seconds (a slow phone), then expires", () => {
    const code = signInCode(SECRET, "s1", after(0));
    expect(checkSignInCode(SECRET, "s1", code, after(CODE_WINDOW_MS + CODE_GRACE_MS - 1)).ok).toBe(true);
    expect(checkSignInCode(SECRET, "s1", code, after(CODE_WINDOW_MS + CODE_GRACE_MS))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(checkSignInCode(SECRET, "s1", code, after(10 * 60_000))).toEqual({ ok: false, reason: "expired" });
  });

  it("of another session, under another secret, altered or made up is forged", () => {
    const code = signInCode(SECRET, "s1", after(0));
    const [window, mac] = code.split(".");
    expect(checkSignInCode(SECRET, "s2", code, after(0))).toEqual({ ok: false, reason: "forged" });
    expect(checkSignInCode(OTHER_SECRET, "s1", code, after(0))).toEqual({ ok: false, reason: "forged" });
    // A later window's number on this window's signature: the signature covers the window.
    expect(checkSignInCode(SECRET, "s1", `${Number(window) + 1}.${mac}`, after(15_000)).ok).toBe(false);
    const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
    expect(checkSignInCode(SECRET, "s1", `${window}.${flipped}`, after(0)).ok).toBe(false);
    for (const junk of ["", "abc", `${window}.`, `${window}.${mac}x`, "1.aaaaaaaaaaaaaaaaaaaaaa"])
      expect(checkSignInCode(SECRET, "s1", junk, after(0)).ok).toBe(false);
  });

  it("from the future (made ahead by someone with the secret's codes) is refused", () => {
    const later = signInCode(SECRET, "s1", after(60_000));
    expect(checkSignInCode(SECRET, "s1", later, after(0))).toEqual({ ok: false, reason: "forged" });
  });

  it("is the address the phone opens", () => {
    expect(codeUrl("https://tg.example.com", "s1", "123.abc")).toBe(
      "https://tg.example.com/sessions/s1/sign-in?code=123.abc",
    );
    expect(codeUrl("https://x.example.com/traingate", "s1", "1.a")).toBe(
      "https://x.example.com/traingate/sessions/s1/sign-in?code=1.a",
    );
  });
});

describe("the scan ticket carried through the login page", () => {
  it("vouches for the instant of the scan for a few minutes", () => {
    const ticket = scanTicket(SECRET, "s1", after(0));
    expect(checkScanTicket(SECRET, "s1", ticket, after(TICKET_VALID_MS - 1))).toEqual({ ok: true, at: after(0) });
    expect(checkScanTicket(SECRET, "s1", ticket, after(TICKET_VALID_MS))).toEqual({ ok: false, reason: "expired" });
  });

  it("is bound to its session and cannot be altered to another instant", () => {
    const ticket = scanTicket(SECRET, "s1", after(0));
    const [, mac] = ticket.split(".");
    expect(checkScanTicket(SECRET, "s2", ticket, after(1_000)).ok).toBe(false);
    expect(checkScanTicket(SECRET, "s1", `${after(60_000).getTime()}.${mac}`, after(61_000)).ok).toBe(false);
    // A code is not a ticket, nor the other way round.
    const code = signInCode(SECRET, "s1", after(0));
    expect(checkScanTicket(SECRET, "s1", code, after(0)).ok).toBe(false);
    expect(checkSignInCode(SECRET, "s1", ticket, after(0)).ok).toBe(false);
  });
});
