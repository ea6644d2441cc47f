create table incentive_request_view (
    id                 varchar(64) primary key,
    designation_number varchar(32) not null,
    proposal_id        varchar(64) not null,
    organisation       varchar(64) not null,
    status             varchar(32) not null,
    agency             varchar(16),
    doc                jsonb       not null
);
create index incentive_request_view_designation on incentive_request_view (designation_number);
create index incentive_request_view_organisation on incentive_request_view (organisation);
