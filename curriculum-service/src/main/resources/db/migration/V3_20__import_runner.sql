-- Several instances of the service run side by side: a job records which one runs it, so that a
-- starting instance fails only the unfinished jobs of instances that stopped (ADR 0020).
alter table student_import add column runner uuid;
