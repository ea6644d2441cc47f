-- What the disclosure rule needs to know of each proposal (owner, marking, required agencies,
-- designation, routed agencies: names and codes, never a section's value), learnt from the
-- integration events; webhook bodies, inbox entries and e-mails are redacted with it.
create table proposal_facts (
    id  varchar(64) primary key,
    doc jsonb       not null
);
