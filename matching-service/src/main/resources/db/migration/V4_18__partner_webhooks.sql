-- Partner webhooks (issue 18, ADR 0018): subscriptions, the events some subscription may see,
-- one queue per subscription and the log of every delivery attempt.

create table webhook_subscription (
    id                     uuid          primary key,
    owner_role             varchar(12)   not null,
    owner_org              varchar(20)   not null,
    url                    varchar(2000) not null,
    description            varchar(500),
    event_types            jsonb         not null,
    status                 varchar(10)   not null,
    disabled_reason        varchar(1000),
    secret                 varchar(64)   not null,
    previous_secret        varchar(64),
    previous_secret_until  timestamp with time zone,
    version                bigint        not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    -- Delivery state of the queue's head (not part of the API's version).
    failed_attempts        integer       not null default 0,
    next_attempt_at        timestamp with time zone,
    leased_until           timestamp with time zone
);
create index webhook_subscription_by_owner on webhook_subscription (owner_role, owner_org, id);

-- An event stored once for all the subscriptions that receive it, with its audience so that a
-- redelivery since a time can be filtered again. Kept as long as the topics keep events.
create table webhook_event (
    event_id     uuid          primary key,
    type         varchar(100)  not null,
    subject      varchar(100),
    body         bytea         not null,
    everyone     boolean       not null,
    audience     jsonb         not null,
    occurred_at  timestamp with time zone not null,
    stored_at    timestamp with time zone not null
);
create index webhook_event_by_time on webhook_event (occurred_at);

-- One subscription's queue, delivered strictly in id order.
create table webhook_message (
    id               bigserial     primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         uuid          not null references webhook_event (event_id) on delete cascade,
    queued_at        timestamp with time zone not null
);
create index webhook_message_by_subscription on webhook_message (subscription_id, id);

-- Every attempt: what was sent, what came back.
create table webhook_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         uuid          not null,
    event_type       varchar(100)  not null,
    attempt          integer       not null,
    attempted_at     timestamp with time zone not null,
    succeeded        boolean       not null,
    response_status  integer,
    latency_ms       integer       not null,
    response_excerpt varchar(1100),
    error            varchar(500)
);
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, id);
create index webhook_delivery_by_time on webhook_delivery (attempted_at);

-- Where the webhook pump is in the partner event log (a feed cursor).
create table partner_pump (
    name    varchar(40)  primary key,
    cursor  text         not null
);
