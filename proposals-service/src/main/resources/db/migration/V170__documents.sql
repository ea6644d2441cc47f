-- Attached files (document package). document_file/document_chunk hold the bytes (PostgresDocumentStore,
-- the default DocumentStore): one row per stored file, its bytes in chunks of 1 MiB. chunks is null
-- until the whole file is written (in the upload's own transaction, so a refused upload leaves nothing).
create table document_file (
    file_id    varchar(64) primary key,
    stored_at  timestamptz not null,
    chunks     integer,
    size_bytes bigint
);
create table document_chunk (
    file_id varchar(64) not null references document_file (file_id) on delete cascade,
    seq     integer     not null,
    data    bytea       not null,
    primary key (file_id, seq)
);
-- The chunks are already compressed or small text: no TOAST compression to spend CPU on
alter table document_chunk alter column data set storage external;

-- The read model of the documents attached to proposals: one row per version (DocumentProjection).
create table proposal_document (
    id          varchar(200) primary key,
    proposal_id varchar(64)  not null,
    document_id varchar(64)  not null,
    version     integer      not null,
    doc         jsonb        not null
);
create index proposal_document_proposal on proposal_document (proposal_id, document_id, version);
