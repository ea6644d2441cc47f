-- The obligations of each designation after it (conditions, milestones, reports), by designation number.
create table oversight_view (
    id           varchar(32) primary key,
    proposal_id  varchar(64) not null,
    organisation varchar(64) not null,
    doc          jsonb       not null
);
create index oversight_view_proposal on oversight_view (proposal_id);
