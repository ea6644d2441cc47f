-- The event tables are append-only in the database itself. Flyway runs as the schema owner
-- (quarkus.flyway.username); the service connects as ${app_role} (quarkus.datasource.username),
-- which may read and write everything it needs (tokens, read models, replay's shadow tables) but
-- only SELECT and INSERT the stored events, their hash chain and the signed checkpoints.
-- Snapshots stay replaceable: they are a cache rebuilt from the events, not evidence (no
-- snapshotter is configured today, and Axon deletes older snapshots when it stores one).
-- Tables created by later migrations get the same read-write grants by default privileges.
-- When the service connects as the owner itself, nothing here can bind it: the migration says
-- so and changes nothing (docs/runbook.md).
do $$
declare
    app text := '${app_role}';
begin
    if app = current_user then
        raise warning 'the service connects as the schema owner %: its event tables are not append-only (docs/runbook.md)', app;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        begin
            -- no password: an operator sets one (ALTER ROLE), or the server trusts local connections
            execute format('create role %I login', app);
        exception when duplicate_object or unique_violation then
            null; -- another service's migration, on the same server, created it a moment ago
        end;
    end if;
    execute format('grant usage, create on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    execute format('revoke update, delete, truncate on domain_event_entry, event_hash_chain, audit_checkpoint from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
end $$;
