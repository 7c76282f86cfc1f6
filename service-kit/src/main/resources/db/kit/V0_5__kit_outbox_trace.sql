-- The W3C trace context an event was recorded under (the CloudEvents distributed-tracing
-- extension), so that the relay continues the request's trace without parsing the payload.
alter table outbox_event add column traceparent varchar(55);
alter table outbox_event add column tracestate varchar(512);
