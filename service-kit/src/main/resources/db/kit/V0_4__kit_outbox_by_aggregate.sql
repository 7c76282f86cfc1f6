-- A forget deletes the published outbox copies of the forgotten student's events by subject
-- (Outbox.forgetSubject, ADR 0011): an index instead of a scan of the table per forget.
create index outbox_event_aggregate on outbox_event (aggregate_id);
