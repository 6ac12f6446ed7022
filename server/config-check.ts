// Acts on server/config-rules.ts at start: a production server that lacks what it needs stops with one
// line per problem, before it serves anybody.
import pg from "pg";

import type { Env } from "../app/utils/env.server";

import { CASE_FACTS_SQL, type CaseFacts, caseKeyProblems, configProblems, isRealProduction } from "./config-rules";
import { StartError } from "./postgres-rules";

function refuse(problems: string[]) {
  if (problems.length > 0)
    throw new StartError(`the configuration is not fit for production:\n${problems.map((p) => `  ${p}`).join("\n")}`);
}

/** Before the database: the environment alone. */
export function refuseBadConfig(config: Env) {
  refuse(configProblems(config));
}

/** After the migrations: the keys the stored case numbers need. */
export async function caseFactsProblems(config: Env, url: string) {
  if (!isRealProduction(config)) return;
  const client = new pg.Client({ connectionString: url, application_name: "traingate-start" });
  await client.connect();
  try {
    const facts = (await client.query<CaseFacts>(CASE_FACTS_SQL)).rows[0] ?? { cases: 0, keyIds: [] };
    refuse(caseKeyProblems(config, facts));
  } finally {
    await client.end().catch(() => {});
  }
}
