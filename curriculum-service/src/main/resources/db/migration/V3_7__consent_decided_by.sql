-- Who made the consent decision on record (ADR 0009): STUDENT (their own endpoints, or a
-- withdrawal recorded at their request), INSTITUTION (an import), null while nobody decided.
-- Numbered 3.7 so that it does not clash with other migrations written at the same time.
alter table student add column consent_decided_by varchar(12)
    check (consent_decided_by in ('STUDENT', 'INSTITUTION'));

-- Decisions recorded before: who made them is not known. A withdrawal counts as the student's,
-- so no import can give the consent back; a consent as the institution's, so a withdrawal on
-- paper still takes effect.
update student set consent_decided_by = case when consent_given then 'INSTITUTION' else 'STUDENT' end
    where consent_changed_at is not null;

-- No decision on record is in the future (imports could state one before): as of now.
update student set consent_changed_at = now() where consent_changed_at > now();
