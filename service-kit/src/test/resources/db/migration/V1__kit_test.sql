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

create table ping (
    id         uuid primary key,
    label      varchar(100) not null
);

-- No key on event_id: a second effect of one event must be visible, not rejected.
create table ping_effect (
    id         bigint generated always as identity primary key,
    event_id   varchar(100) not null,
    ping_id    uuid not null,
    label      varchar(100) not null
);
