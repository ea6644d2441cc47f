-- Files attached to designations' oversight (evidence, progress reports): the bytes, as in
-- proposals-service's documents (PostgresDocumentStore, the default DocumentStore of service-runtime):
-- one row per stored file, its bytes in chunks of 1 MiB; chunks is null until the whole file is written
-- (in the upload's own transaction, so a refused upload leaves nothing). What each file is (name,
-- hash, marking, designation) is in the Oversight aggregate's DocumentAttached and oversight_view.
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
alter table document_chunk alter column data set storage external;
