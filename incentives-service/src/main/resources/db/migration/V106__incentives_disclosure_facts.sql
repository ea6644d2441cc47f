-- What the disclosure rule needs to know of each designated proposal (from ProposalDesignated v2):
-- its consortium's organisation, the agencies its call required and the names of the sections its
-- consortium marked confidential (never values). A proposal without a row (designated before v2)
-- counts as every section marked and no agency required.
create table proposal_disclosure (
    id  varchar(64) primary key,
    doc jsonb       not null
);
