-- Hand-written: make "AuditEntry" append-only.
-- Audit rows may be inserted but never changed or removed, whoever asks (the app, a script, psql).
-- Statement-level, so even an UPDATE/DELETE that matches no row is refused: any attempt is a bug.
-- TRUNCATE does not fire UPDATE/DELETE triggers, so tests can still empty the table; in production
-- the application's database role should not be granted TRUNCATE on it.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
