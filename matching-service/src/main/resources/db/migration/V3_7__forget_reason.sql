-- Withdrawal and erasure differ (ADR 0009): a student who withdrew consent comes back with a profile
-- published after the withdrawal (newer version, consent given after it); an erased one never.
-- Numbered 3.7 so that it does not clash with other migrations written at the same time.
-- Tombstones from before did not keep the reason: as withdrawals (an erased student is never
-- published again by curriculum-service, and a replayed old profile is still kept out).
alter table forgotten_student
    add column reason varchar(20) not null default 'CONSENT_WITHDRAWN'
        check (reason in ('CONSENT_WITHDRAWN', 'ERASED')),
    add column last_version bigint not null default 0;
alter table forgotten_student alter column reason drop default;
alter table forgotten_student alter column last_version drop default;
