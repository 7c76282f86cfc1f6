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
