-- The relay finds pending rows through the partial index on seq. Each published row leaves a dead
-- entry at the index's start until vacuum removes it, and every poll walks over all of them: after
-- a 258,000-event import an empty poll read ~450 pages (38 ms, ten times a second). Vacuum this
-- queue-like table after every few thousand changes instead of after a fifth of the table, and
-- without the cost-based pauses: it only visits the pages changed since its last run.
alter table outbox_event set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 20000,
    autovacuum_vacuum_cost_delay = 0
);
