-- Axon reads snapshot_event_entry on every aggregate load, before the events: a snapshot written
-- by the service's role would change an aggregate's state with no stored event changed and no
-- link broken. No snapshotter is configured (AxonRuntime), so the service never needs to write
-- one: the table becomes read-only for ${app_role}, like the stored events (V5). Configuring a
-- snapshotter later needs a migration that grants this back, and a way to verify snapshots.
do $$
declare
    app text := '${app_role}';
begin
    if app = current_user then
        raise warning 'the service connects as the schema owner %: its snapshots stay writable (docs/runbook.md)', app;
        return;
    end if;
    execute format('revoke insert, update, delete, truncate on snapshot_event_entry from %I', app);
end $$;
