-- Where a designated proposal's incentive lines were routed (from IncentiveRequestRouted): the
-- financing agencies that may see what a financing decision needs (Disclosure).
create table proposal_route (
    id          varchar(64) primary key,
    proposal_id varchar(64) not null,
    agency      varchar(16) not null,
    doc         jsonb       not null
);
create index proposal_route_proposal on proposal_route (proposal_id);

-- The account of disclosure: each read of a confidential section by someone outside the owning
-- consortium. Append-only; written in batches by DisclosureAccount.
create table disclosure_record (
    id           bigserial    primary key,
    proposal_id  varchar(64)  not null,
    subject      varchar(200) not null,
    organisation varchar(64)  not null,
    roles        varchar(200) not null,
    read_at      timestamptz  not null,
    sections     varchar(400) not null,
    path         varchar(200) not null,
    correlation_id varchar(100)
);
create index disclosure_record_proposal on disclosure_record (proposal_id, read_at);
