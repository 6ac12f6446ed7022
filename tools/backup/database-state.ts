// Facts about the database a backup tool talks to.
import pg from "pg";

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0].v) / 10_000);
}

/**
 * What the database already holds, schema by schema (tables, views, sequences …); empty when it is
 * empty. A restore goes only into an empty database: it never merges into or overwrites data.
 */
export async function occupiedSchemas(client: pg.Client): Promise<Array<{ schema: string; relations: number }>> {
  const { rows } = await client.query<{ schema: string; relations: number }>(
    `SELECT n.nspname AS schema, count(*)::int AS relations
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      GROUP BY n.nspname ORDER BY n.nspname`,
  );
  return rows;
}
