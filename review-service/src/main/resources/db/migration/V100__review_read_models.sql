create table review_view (
    id          varchar(64) primary key,
    proposal_id varchar(64) not null,
    status      varchar(32) not null,
    doc         jsonb       not null
);
create index review_view_proposal on review_view (proposal_id);
create index review_view_status on review_view (status);

create table designation_view (
    id          varchar(32) primary key,
    proposal_id varchar(64) not null,
    doc         jsonb       not null
);

-- Designation numbers, gapless per fiscal year: taken in the determination's own transaction.
create table designation_counter (
    fiscal_year integer primary key,
    last_number integer not null
);
