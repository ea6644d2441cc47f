-- One proposal's story across the four services, from the integration events proposals-service consumes.
create table timeline_entry (
    id          varchar(64) primary key,
    proposal_id varchar(64) not null,
    occurred_at timestamptz not null,
    audience    varchar(16) not null,
    doc         jsonb       not null
);
create index timeline_entry_proposal on timeline_entry (proposal_id, occurred_at);
