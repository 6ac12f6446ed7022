import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { EnvError, EnvSchema, parseEnv } from "./env.server";

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message.split("\n");
  }
  return [];
};

describe("the environment", () => {
  it("an empty environment gives a development server on port 3000 with the embedded database", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
      TRAINGATE_DATA_DIR: "./data",
      EMBEDDED_PG_PORT: 54329,
      TRAINGATE_DEMO: false,
      WEB_CONCURRENCY: 1,
      TRUST_PROXY: false,
      CASE_DATA_KEYS: undefined,
      CASE_DATA_KEY: undefined,
      CASE_SYSTEM_API_KEY: undefined,
      SMTP_URL: undefined,
      SMTP_HOST: undefined,
      SMTP_PORT: undefined,
      SMTP_SECURE: undefined,
      SMTP_USER: undefined,
      SMTP_PASSWORD: undefined,
      MAIL_WORKER: true,
      COOKIE_SECRET: undefined,
      LOG_LEVEL: undefined,
      TRAINGATE_TEST_CLOCK: false,
      TRAINGATE_TEST_NOW: undefined,
    });
  });

  it("an empty variable counts as unset", () => {
    expect(parseEnv({ PORT: "", TRAINGATE_DEMO: "", WEB_CONCURRENCY: "" })).toMatchObject({
      PORT: 3000,
      TRAINGATE_DEMO: false,
      WEB_CONCURRENCY: 1,
    });
  });

  it("reads what a production server sets", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      PORT: "8080",
      DATABASE_URL: "postgresql://traingate:secret@db.internal:5432/traingate",
      DATABASE_POOL_SIZE: "20",
      TRAINGATE_DATA_DIR: "/var/lib/traingate",
      EMBEDDED_PG_PORT: "55000",
      TRAINGATE_DEMO: "0",
      WEB_CONCURRENCY: "2",
      TRUST_PROXY: "loopback, 10.0.0.0/8",
      CASE_DATA_KEYS: "2027a:abc",
      CASE_SYSTEM_API_KEY: "tgk_x",
      PATH: "/usr/bin",
    });
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: 8080,
      DATABASE_POOL_SIZE: 20,
      TRAINGATE_DATA_DIR: "/var/lib/traingate",
      EMBEDDED_PG_PORT: 55000,
      TRAINGATE_DEMO: false,
      WEB_CONCURRENCY: 2,
      TRUST_PROXY: "loopback,10.0.0.0/8",
      CASE_DATA_KEYS: "2027a:abc",
      CASE_SYSTEM_API_KEY: "tgk_x",
    });
    expect(env).not.toHaveProperty("PATH");
  });

  it.each([
    ["1", true],
    ["true", true],
    ["0", false],
    ["false", false],
  ])("TRAINGATE_DEMO=%s is %s", (text, value) => {
    expect(parseEnv({ TRAINGATE_DEMO: text }).TRAINGATE_DEMO).toBe(value);
    expect(parseEnv({ TRAINGATE_TEST_CLOCK: text }).TRAINGATE_TEST_CLOCK).toBe(value);
  });

  it.each([
    ["true", true],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["loopback", "loopback"],
    ["192.168.1.10", "192.168.1.10"],
    ["::1/128,uniquelocal", "::1/128,uniquelocal"],
  ])("TRUST_PROXY=%s is passed to express as %j", (text, value) => {
    expect(parseEnv({ TRUST_PROXY: text }).TRUST_PROXY).toEqual(value);
  });

  it("TRAINGATE_TEST_NOW is an instant", () => {
    expect(parseEnv({ TRAINGATE_TEST_NOW: "2026-03-02T09:00:00+08:00" }).TRAINGATE_TEST_NOW?.toISOString()).toBe(
      "2026-03-02T01:00:00.000Z",
    );
    expect(parseEnv({ TRAINGATE_TEST_NOW: "2026-03-02T01:00Z" }).TRAINGATE_TEST_NOW?.toISOString()).toBe(
      "2026-03-02T01:00:00.000Z",
    );
  });

  it.each([
    ["PORT", "abc", 'PORT: expected a port number 1–65535, got "abc"'],
    ["PORT", "0", 'PORT: expected a port number 1–65535, got "0"'],
    ["PORT", "65536", 'PORT: expected a port number 1–65535, got "65536"'],
    ["PORT", "80.5", 'PORT: expected a port number 1–65535, got "80.5"'],
    ["EMBEDDED_PG_PORT", "-1", 'EMBEDDED_PG_PORT: expected a port number 1–65535, got "-1"'],
    ["NODE_ENV", "staging", 'NODE_ENV: expected development, production or test, got "staging"'],
    ["DATABASE_POOL_SIZE", "0", 'DATABASE_POOL_SIZE: expected a whole number from 1 to 100, got "0"'],
    ["WEB_CONCURRENCY", "auto", 'WEB_CONCURRENCY: expected a whole number of processes from 1 to 64, got "auto"'],
    ["TRAINGATE_DEMO", "yes", 'TRAINGATE_DEMO: expected 1 or 0 (or true or false), got "yes"'],
    ["LOG_LEVEL", "verbose", 'LOG_LEVEL: expected fatal, error, warn, info, debug, trace or silent, got "verbose"'],
    ["TRAINGATE_TEST_CLOCK", "on", 'TRAINGATE_TEST_CLOCK: expected 1 or 0 (or true or false), got "on"'],
    [
      "TRUST_PROXY",
      "nginx",
      "TRUST_PROXY: expected true, a number of proxies, " +
        'or addresses and subnets such as loopback, 10.0.0.0/8, got "nginx"',
    ],
    [
      "TRUST_PROXY",
      "10.0.0.0/8/1",
      "TRUST_PROXY: expected true, a number of proxies, " +
        'or addresses and subnets such as loopback, 10.0.0.0/8, got "10.0.0.0/8/1"',
    ],
    [
      "TRAINGATE_TEST_NOW",
      "2026-03-02 09:00",
      'TRAINGATE_TEST_NOW: expected an ISO instant such as 2026-03-02T09:00:00+08:00, got "2026-03-02 09:00"',
    ],
    [
      "TRAINGATE_TEST_NOW",
      "2026-13-01T09:00:00Z",
      'TRAINGATE_TEST_NOW: expected an ISO instant such as 2026-03-02T09:00:00+08:00, got "2026-13-01T09:00:00Z"',
    ],
  ])("%s=%s is refused, naming the variable", (name, text, message) => {
    expect(problems({ [name]: text })).toEqual([message]);
  });

  it("a malformed SMTP setting does not stop the start: the outbox page names it", () => {
    expect(problems({ SMTP_PORT: "abc", SMTP_SECURE: "maybe", SMTP_URL: "nonsense" })).toEqual([]);
    expect(parseEnv({ MAIL_WORKER: "0" }).MAIL_WORKER).toBe(false);
    expect(problems({ MAIL_WORKER: "off" })).toEqual(['MAIL_WORKER: expected 1 or 0 (or true or false), got "off"']);
  });

  it("a bad DATABASE_URL is named without repeating it (it may hold a password)", () => {
    expect(problems({ DATABASE_URL: "mysql://root:hunter2@db/traingate" })).toEqual([
      "DATABASE_URL: expected a postgresql:// URL, got something else",
    ]);
  });

  it("every bad variable is named at once", () => {
    expect(problems({ PORT: "abc", WEB_CONCURRENCY: "0", TRAINGATE_DEMO: "1" })).toEqual([
      'PORT: expected a port number 1–65535, got "abc"',
      'WEB_CONCURRENCY: expected a whole number of processes from 1 to 64, got "0"',
    ]);
  });

  it("README's configuration table or the testing guide names every variable", () => {
    const root = path.resolve(__dirname, "../..");
    const docs =
      readFileSync(path.join(root, "README.md"), "utf8") + readFileSync(path.join(root, "docs/testing.md"), "utf8");
    const missing = Object.keys(EnvSchema.shape).filter((name) => !new RegExp(`\\| \`${name}[\`=]`).test(docs));
    expect(missing).toEqual([]);
  });
});
