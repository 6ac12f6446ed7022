// What the clearance API answers after a rule change, against a running server: publishes a new version of B3
// in force since 8 days ago (past any grace period, so a certification that did not cover it lapses at once),
// asks for one certified person every 10 ms, prints each change of answer with its time, then removes the version.
// On a large company every stored certification is recomputed first; while that runs the snapshot is not fresh
// and the API answers 503 (it fails closed).
//   node bench/support/rule-change-probe.mjs http://localhost:3200 postgresql://…/lead10 B00001 [seconds=8]
// The API key is the demo's (TRAINGATE_DEMO=1 creates it); CLEARANCE_API_KEY names another.
import { createRequire } from "node:module";
import path from "node:path";

const pg = createRequire(path.join(process.cwd(), "package.json"))("pg");
const [baseUrl, databaseUrl, employeeNo, seconds = "8"] = process.argv.slice(2);
if (!baseUrl || !databaseUrl || !employeeNo) {
  console.error("usage: node bench/support/rule-change-probe.mjs <server URL> <DATABASE_URL> <employee no> [seconds]");
  process.exit(2);
}
const key = process.env.CLEARANCE_API_KEY ?? "tgk_demo_case_system_2026_not_for_production";
const ask = async () => {
  const response = await fetch(`${baseUrl}/api/v1/clearance/${encodeURIComponent(employeeNo)}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  const body = await response.json();
  return `${response.status} cleared=${body.cleared}`;
};

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const id = `probe-b3-${process.pid}`;
const t0 = performance.now();
await client.query(
  `INSERT INTO "CallRuleVersion"
     (id, "ruleId", version, "titleZh", "titleEn", "textZh", "textEn", "redLine", "effectiveAt")
   SELECT $1, "ruleId", (SELECT max(version) + 1 FROM "CallRuleVersion" WHERE "ruleId" = 'B3'),
          "titleZh", "titleEn", "textZh", "textEn", "redLine", now() - interval '8 days'
   FROM "CallRuleVersion" WHERE "ruleId" = 'B3' AND version = 1`,
  [id],
);
try {
  let last = "";
  while (performance.now() - t0 < Number(seconds) * 1000) {
    const answer = await ask();
    if (answer !== last) console.log(`${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${answer}`);
    last = answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
} finally {
  await client.query(`DELETE FROM "CallRuleVersion" WHERE id = $1`, [id]);
  await client.end();
}
