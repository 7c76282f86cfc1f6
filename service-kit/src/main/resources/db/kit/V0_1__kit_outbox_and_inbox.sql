-- Tables of the service kit, applied in every service's database from classpath:db/kit.
-- Kit migrations are numbered V0_n so they never collide with a service's own V1, V2, ...;
-- services run Flyway with out-of-order enabled so a later kit migration still applies.
create table outbox_event (
    seq            bigint generated always as identity unique,
    id             uuid primary key,
    topic          varchar(255) not null,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(100) not null,
    event_type     varchar(200) not null,
    payload        text not null,
    created_at     timestamp with time zone not null,
    published_at   timestamp with time zone
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

create table inbox_event (
    consumer    varchar(100) not null,
    event_id    varchar(100) not null,
    event_type  varchar(200) not null,
    source      varchar(255) not null,
    received_at timestamp with time zone not null,
    primary key (consumer, event_id)
);

