-- Rate-limit buckets shared by every instance of the service (Bucket4j's PostgreSQL store, select
-- for update): one row per caller and quota, its serialised state, and when it is full again
-- (epoch milliseconds), after which housekeeping deletes it.
create table rate_limit_bucket (
    id          varchar(255) primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_by_expiry on rate_limit_bucket (expires_at);
