import { describe, expect, it } from "vitest";

import { smtpConfig } from "./smtp-config";

describe("the SMTP server from the environment", () => {
  it("nothing set: mail is off (the demo)", () => {
    expect(smtpConfig({})).toEqual({ state: "off" });
    expect(smtpConfig({ SMTP_URL: "", SMTP_HOST: " " })).toEqual({ state: "off" });
  });

  it("SMTP_URL with login and TLS", () => {
    const config = smtpConfig({ SMTP_URL: "smtps://mailer:p%40ss@smtp.example.com" });
    expect(config).toMatchObject({
      state: "ready",
      server: "smtp.example.com:465",
      transport: {
        host: "smtp.example.com",
        port: 465,
        secure: true,
        auth: { user: "mailer", pass: "p@ss" },
        pool: true,
      },
    });
  });

  it("SMTP_URL without login or TLS, on its own port", () => {
    const config = smtpConfig({ SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(config).toMatchObject({
      state: "ready",
      server: "127.0.0.1:2525",
      transport: { port: 2525, secure: false },
    });
    expect(config.state === "ready" && config.transport.auth).toBeUndefined();
  });

  it("host, port, TLS and login as separate variables; the port follows TLS by default", () => {
    expect(
      smtpConfig({ SMTP_HOST: "smtp.example.com", SMTP_SECURE: "1", SMTP_USER: "u", SMTP_PASSWORD: "secret" }),
    ).toMatchObject({
      state: "ready",
      server: "smtp.example.com:465",
      transport: { secure: true, auth: { user: "u" } },
    });
    expect(smtpConfig({ SMTP_HOST: "smtp.example.com" })).toMatchObject({ server: "smtp.example.com:587" });
    expect(smtpConfig({ SMTP_HOST: "mx", SMTP_PORT: "25", SMTP_SECURE: "false" })).toMatchObject({
      server: "mx:25",
      transport: { secure: false },
    });
  });

  it("a bad value is a problem named by its variable, never the password", () => {
    const config = smtpConfig({ SMTP_PORT: "abc", SMTP_SECURE: "yes", SMTP_USER: "u", SMTP_PASSWORD: "" });
    expect(config).toEqual({
      state: "invalid",
      problems: [
        { variable: "SMTP_HOST", problem: "host" },
        { variable: "SMTP_SECURE", problem: "secure" },
        { variable: "SMTP_PORT", problem: "port" },
        { variable: "SMTP_PASSWORD", problem: "password" },
      ],
    });
    expect(smtpConfig({ SMTP_HOST: "h", SMTP_PORT: "70000" })).toEqual({
      state: "invalid",
      problems: [{ variable: "SMTP_PORT", problem: "port" }],
    });
    expect(smtpConfig({ SMTP_HOST: "h", SMTP_PASSWORD: "hunter2" })).toEqual({
      state: "invalid",
      problems: [{ variable: "SMTP_USER", problem: "user" }],
    });
    expect(JSON.stringify(smtpConfig({ SMTP_URL: "http://u:hunter2@x" }))).not.toContain("hunter2");
    expect(smtpConfig({ SMTP_URL: "not a url" })).toEqual({
      state: "invalid",
      problems: [{ variable: "SMTP_URL", problem: "url" }],
    });
    expect(smtpConfig({ SMTP_URL: "smtp://a", SMTP_HOST: "b" })).toEqual({
      state: "invalid",
      problems: [{ variable: "SMTP_HOST", problem: "urlAndHost" }],
    });
  });
});
