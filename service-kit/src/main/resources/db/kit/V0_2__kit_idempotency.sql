-- Responses of creating POSTs by Idempotency-Key, stored in the transaction that created the
-- resource: a retry with the same key and body replays the first answer.
create table idempotency_record (
    scope           varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    response_status integer      not null,
    response_body   text,
    location        varchar(1000),
    etag            varchar(100),
    created_at      timestamp with time zone not null,
    primary key (scope, idempotency_key)
);
create index idempotency_record_created on idempotency_record (created_at);
