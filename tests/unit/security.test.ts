import type { IncomingMessage } from "node:http";

import type { ServerBuild } from "@remix-run/node";
import type { Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";

import { parseEnv } from "~/utils/env.server";
import { clearSessionCookieHeader, sessionCookieHeader } from "~/utils/session.server";

import { createApp } from "../../server/app";
import { secureAsExpressSeesIt } from "../../server/fast-paths";
import { hstsOverHttps } from "../../server/security";

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax over http", async () => {
    const header = await sessionCookieHeader(
      new Request("http://intranet.local/login"),
      "token-value-long-enough-xxxx",
    );
    expect(header).toMatch(/^tg_session=/);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).not.toContain("Secure");
  });

  it("is __Host- prefixed and Secure over https", async () => {
    const header = await sessionCookieHeader(
      new Request("https://traingate.example/login"),
      "token-value-long-enough-xxxx",
    );
    expect(header).toMatch(/^__Host-tg_session=/);
    expect(header).toContain("Secure");
    expect(header).toContain("Path=/");
    expect(header).not.toContain("Domain=");
  });

  it("is cleared on logout", async () => {
    expect(await clearSessionCookieHeader(new Request("http://x/logout"))).toMatch(/Max-Age=0/);
  });
});

describe("HSTS", () => {
  const run = (secure: boolean) => {
    const setHeader = vi.fn();
    const next = vi.fn();
    hstsOverHttps({ secure } as Request, { setHeader } as unknown as Response, next);
    expect(next).toHaveBeenCalled();
    return setHeader;
  };

  it("is sent over https only", () => {
    expect(run(true)).toHaveBeenCalledWith("Strict-Transport-Security", expect.stringContaining("max-age="));
    expect(run(false)).not.toHaveBeenCalled();
  });
});

describe("behind a reverse proxy", () => {
  const forwardedHttps = (from: string) =>
    ({ socket: { remoteAddress: from }, headers: { "x-forwarded-proto": "https" } }) as unknown as IncomingMessage;
  const secureWith = (vars: Record<string, string>) => {
    const app = createApp({ build: {} as ServerBuild, trustProxy: parseEnv(vars).TRUST_PROXY });
    return secureAsExpressSeesIt(app.get("trust proxy fn"));
  };

  it("with TRUST_PROXY=1 (docs/operations.md) the proxy in front says whether the request came over https", () => {
    expect(secureWith({ TRUST_PROXY: "1" })(forwardedHttps("127.0.0.1"))).toBe(true);
  });

  it("without TRUST_PROXY a forwarded header is not believed", () => {
    expect(secureWith({})(forwardedHttps("127.0.0.1"))).toBe(false);
  });
});
