create table call_view (
    id          varchar(64) primary key,
    status      varchar(32) not null,
    fiscal_year integer     not null,
    doc         jsonb       not null
);

create table consortium_view (
    id           varchar(64)  primary key,
    organisation varchar(64)  not null,
    doc          jsonb        not null
);
create index consortium_view_organisation on consortium_view (organisation);

create table proposal_view (
    id            varchar(64) primary key,
    organisation  varchar(64) not null,
    consortium_id varchar(64) not null,
    call_id       varchar(64) not null,
    status        varchar(32) not null,
    updated_at    timestamptz not null,
    doc           jsonb       not null
);
create index proposal_view_organisation on proposal_view (organisation);
create index proposal_view_call_status on proposal_view (call_id, status);
