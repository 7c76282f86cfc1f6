-- A withdrawal (from curriculum-service's event) and an award (the enterprise's request) may touch
-- the same proposal at once: whichever commits second must see the first, not overwrite it.
alter table proposal add column version bigint not null default 0;
