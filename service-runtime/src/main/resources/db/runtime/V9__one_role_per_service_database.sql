-- One database role per service, with only its own database: no one connects to this database but
-- its owner and ${app_role} (the role this service connects as), so a service's credentials, if
-- stolen, open no other service's data. Run by the owner (quarkus.flyway.username).
-- V5 and V8 granted ${app_role} its privileges when the service first migrated; a database that
-- was migrated under an earlier, shared role (aiexports_app) gets them again here for the role it
-- is configured with now (the same statements, idempotent), so switching to a role of its own is
-- a restart with DATABASE_USER changed (docs/runbook.md, "Database roles").
do $$
declare
    app text := '${app_role}';
    db text := current_database();
begin
    if app = current_user then
        raise warning 'the service connects as the schema owner %: no role of its own to confine (docs/runbook.md)', app;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        begin
            execute format('create role %I login', app);
        exception when duplicate_object or unique_violation then
            null;
        end;
    end if;
    execute format('grant usage, create on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    execute format('revoke update, delete, truncate on domain_event_entry, event_hash_chain, audit_checkpoint from %I', app);
    execute format('revoke insert, update, delete, truncate on snapshot_event_entry from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    begin
        -- every role may connect to a new database (PUBLIC has CONNECT): only this service's may
        execute format('revoke connect, temporary on database %I from public', db);
        execute format('grant connect, temporary on database %I to %I', db, app);
    exception when insufficient_privilege then
        raise warning 'the migration''s role may not change who connects to database %: revoke connect from public there yourself (docs/runbook.md)', db;
    end;
end $$;
