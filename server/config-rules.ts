// What a production server needs before it serves real people's data ("a strong configuration",
// docs/operations.md). Pure: the server gathers the facts, these rules name every problem at once. The
// demo (TRAINGATE_DEMO=1), development and tests are exempt: they run on published keys and test clocks.
import { CaseKeyConfigError, LEGACY_KEY_ID, parseCaseKeyring } from "../app/domain/cases/case-keyring";
import type { Env } from "../app/utils/env.server";

export const MIN_COOKIE_SECRET = 32;

type ConfigEnv = Pick<
  Env,
  | "NODE_ENV"
  | "TRAINGATE_DEMO"
  | "DATABASE_URL"
  | "COOKIE_SECRET"
  | "PUBLIC_URL"
  | "TRUST_PROXY"
  | "TRAINGATE_TEST_CLOCK"
  | "TRAINGATE_TEST_NOW"
  | "CASE_DATA_KEYS"
  | "CASE_DATA_KEY"
>;

export function isRealProduction(config: Pick<Env, "NODE_ENV" | "TRAINGATE_DEMO">): boolean {
  return config.NODE_ENV === "production" && !config.TRAINGATE_DEMO;
}

/** Problems found before the database is reached, one line each, naming the variable. */
export function configProblems(config: ConfigEnv): string[] {
  if (!isRealProduction(config)) return [];
  const problems: string[] = [];
  if (config.TRAINGATE_TEST_CLOCK || config.TRAINGATE_TEST_NOW)
    problems.push(
      "TRAINGATE_TEST_CLOCK / TRAINGATE_TEST_NOW: test-only; a production server keeps real time. Unset them.",
    );
  const secrets = (config.COOKIE_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const how = `at least ${MIN_COOKIE_SECRET} random characters, e.g. openssl rand -base64 32`;
  if (secrets.length === 0 && config.DATABASE_URL)
    problems.push(
      `COOKIE_SECRET: not set. With DATABASE_URL several instances may serve one database, and each needs the same ` +
        `secret (${how}).`,
    );
  secrets.forEach((secret, i) => {
    if (secret.length < MIN_COOKIE_SECRET || new Set(secret).size < 8)
      problems.push(`COOKIE_SECRET: entry ${i + 1} is too weak (${how}).`);
  });
  if (config.PUBLIC_URL) {
    const url = new URL(config.PUBLIC_URL);
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (url.protocol !== "https:" && !local)
      problems.push(
        "PUBLIC_URL: not https. People sign in with passwords and see debtors' data: serve TrainGate through a proxy " +
          "that terminates TLS.",
      );
    if (url.protocol === "https:" && config.TRUST_PROXY === false)
      problems.push(
        "TRUST_PROXY: not set, but PUBLIC_URL is https, so a proxy terminates TLS. " +
          "Name it (e.g. TRUST_PROXY=loopback): " +
          "otherwise session cookies lose Secure and sign-ins are throttled by the proxy's address.",
      );
  }
  return problems;
}

/** What the database holds that needs the configuration: the key ids its case numbers were sealed with. */
export type CaseFacts = { cases: number; keyIds: string[] };

/** Problems found once the database is migrated: the keys its stored case numbers need. */
export function caseKeyProblems(config: ConfigEnv, facts: CaseFacts): string[] {
  if (!isRealProduction(config) || facts.cases === 0) return [];
  let keyIds: string[];
  try {
    keyIds = [...(parseCaseKeyring(config)?.keys.keys() ?? [])];
  } catch (error) {
    // The keyring's own message names the bad entry and never the key.
    if (error instanceof CaseKeyConfigError) return [`CASE_DATA_KEYS: ${error.message}`];
    throw error;
  }
  if (keyIds.length === 0)
    return [
      `CASE_DATA_KEYS: not set, but the database holds ${facts.cases} case(s) with encrypted ID and card numbers. ` +
        "Set the keys they were written with (docs/operations.md).",
    ];
  const missing = facts.keyIds.filter((id) => !keyIds.includes(id));
  return missing.length === 0
    ? []
    : [
        `CASE_DATA_KEYS: lacks the key id(s) ${missing.map((id) => `"${id}"`).join(", ")} that stored case numbers ` +
          "were written with. Add them (keep old keys until the numbers are re-encrypted).",
      ];
}

/** The SQL that gathers CaseFacts: "v2:<keyId>:…" names its key; "v1:…" was written with the legacy key. */
export const CASE_FACTS_SQL = `
  SELECT (SELECT count(*) FROM "CollectionCase")::int AS cases,
         COALESCE(array_agg(DISTINCT key_id), '{}') AS "keyIds"
    FROM (SELECT CASE WHEN n LIKE 'v1:%' THEN '${LEGACY_KEY_ID}' ELSE split_part(n, ':', 2) END AS key_id
            FROM "CollectionCase" c, LATERAL (VALUES (c."idNumberEnc"), (c."cardNumberEnc")) AS v(n)) sealed`;
