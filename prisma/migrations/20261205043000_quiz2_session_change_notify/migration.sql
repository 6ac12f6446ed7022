-- Each app process keeps recently read sessions (with their person and roles) for up to a minute
-- (ADR 0028). Whatever ends a session or changes what a session carries announces it on the change
-- feed's channel at commit, whoever writes it (the app, a script, an operator in psql): the processes
-- then forget every copy. Statement-level: one notification per statement, and PostgreSQL folds repeats
-- within a transaction. Triggers cannot be said in the Prisma schema, hence this hand-written migration.
CREATE FUNCTION "session_changed_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('traingate_changes', 'sessions');
    RETURN NULL;
END $$;

-- A session ended: logout, password change, disabling, expiry, a person deleted (by cascade).
CREATE TRIGGER "Session_changed_delete" AFTER DELETE ON "Session"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();
-- Its times or owner rewritten (the app only writes lastSeenAt, which a copy may lag by a minute).
CREATE TRIGGER "Session_changed_update" AFTER UPDATE OF "personId", "createdAt", "expiresAt" ON "Session"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();
CREATE TRIGGER "Session_changed_truncate" AFTER TRUNCATE ON "Session"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();

-- What the session lookup reads of the person (app/utils/session.server.ts).
CREATE TRIGGER "Person_session_update" AFTER UPDATE OF "employeeNo", "name", "departmentId", "locale",
    "mustChangePassword", "disabledAt", "status" ON "Person"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();

-- Roles granted, changed or taken away.
CREATE TRIGGER "RoleAssignment_session_change" AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();
CREATE TRIGGER "RoleAssignment_session_truncate" AFTER TRUNCATE ON "RoleAssignment"
    FOR EACH STATEMENT EXECUTE FUNCTION "session_changed_notify"();
