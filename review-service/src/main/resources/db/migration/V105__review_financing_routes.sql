-- Where a designated proposal's incentive lines were routed (from IncentiveRequestRouted, through
-- the shared FinancingRoutes handler): the financing agencies whose officers may read a review's
-- financing sections (Disclosure).
create table proposal_route (
    id          varchar(64) primary key,
    proposal_id varchar(64) not null,
    agency      varchar(16) not null,
    doc         jsonb       not null
);
create index proposal_route_proposal on proposal_route (proposal_id);
