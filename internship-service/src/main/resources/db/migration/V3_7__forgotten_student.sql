-- Students curriculum-service said to forget, by pseudonymous id only (ADR 0009): a late or
-- replayed profile event must not make them known again. Erasure is final; after a withdrawal only
-- a profile published after it (newer version, consent given after the withdrawal) does.
-- Numbered 3.7 so that it does not clash with other migrations written at the same time.
create table forgotten_student (
    student_id    varchar(40) primary key,
    forgotten_at  timestamp with time zone not null,
    reason        varchar(20) not null check (reason in ('CONSENT_WITHDRAWN', 'ERASED')),
    last_version  bigint      not null
);
