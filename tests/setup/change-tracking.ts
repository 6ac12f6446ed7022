// Notes which tables a test wrote to, so the reset before the next test puts back only those
// (tests/setup/worker-db.ts). Installed on the template only: the app's own schema knows nothing of it.
import { ident } from "./postgres";

const SCHEMA = "test_support";
export const CHANGE_TABLE = `${SCHEMA}.changed`;

/**
 * An AFTER … FOR EACH STATEMENT trigger per table inserts the table's name (no unique key, so two
 * transactions writing the same table never wait on each other, and the race tests see the locks
 * they expect). A statement that changes nothing still notes the table: harmless, one extra delete.
 */
export function changeTrackingSql(tables: string[]): string {
  return [
    `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`,
    `CREATE SCHEMA ${SCHEMA}`,
    `CREATE UNLOGGED TABLE ${CHANGE_TABLE} (name text NOT NULL)`,
    `CREATE FUNCTION ${SCHEMA}.note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${CHANGE_TABLE} (name) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END $$`,
    ...tables.map(
      (t) =>
        `CREATE TRIGGER "zz_test_note_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.${ident(t)}
         FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.note_change()`,
    ),
  ].join(";\n");
}
