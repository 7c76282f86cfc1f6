-- ADR 0010's followers: every instance of matching-service keeps its ranking index in step with
-- these tables, whichever instance's consumer wrote them. Each change that can move a ranking
-- appends (kind, ref) here in the same transaction, by trigger, so no write path can forget it.
-- tx orders what a follower has read: every transaction below its snapshot's xmin has ended, so a
-- follower reads rows with tx >= its last xmin and misses none that commit late (a sequence alone
-- would: a lower seq can commit after a higher one).
create table read_model_change (
    seq         bigserial    primary key,
    tx          xid8         not null default pg_current_xact_id(),
    kind        varchar(16)  not null,
    ref         varchar(64)  not null,
    changed_at  timestamp with time zone not null default now()
);
create index read_model_change_by_tx on read_model_change (tx);

-- Each instance's position (the xmin it followed to), so that the log is trimmed below the
-- slowest live follower only; a follower silent for long rebuilds from a snapshot instead.
create table index_follower (
    instance_id  uuid         primary key,
    position     xid8         not null,
    seen_at      timestamp with time zone not null
);

-- TG_ARGV: the kind, then the column naming the student or demand (old and new row both noted: a
-- placement's student id is cleared when the student is forgotten).
create function note_read_model_change() returns trigger language plpgsql as $$
declare
    old_ref text;
    new_ref text;
begin
    if TG_OP <> 'INSERT' then
        old_ref := to_jsonb(OLD) ->> TG_ARGV[1];
    end if;
    if TG_OP <> 'DELETE' then
        new_ref := to_jsonb(NEW) ->> TG_ARGV[1];
    end if;
    if new_ref is not null then
        insert into read_model_change (kind, ref) values (TG_ARGV[0], new_ref);
    end if;
    if old_ref is not null and old_ref is distinct from new_ref then
        insert into read_model_change (kind, ref) values (TG_ARGV[0], old_ref);
    end if;
    return null;
end
$$;

create trigger student_profile_changed after insert or update or delete on student_profile
    for each row execute function note_read_model_change('student', 'student_id');
create trigger verified_skill_changed after insert or update or delete on verified_skill
    for each row execute function note_read_model_change('student', 'student_id');
create trigger placement_changed after insert or update or delete on placement
    for each row execute function note_read_model_change('student', 'student_id');
create trigger job_seeking_resumed_changed after insert or update or delete on job_seeking_resumed
    for each row execute function note_read_model_change('student', 'student_id');
create trigger demand_view_changed after insert or update or delete on demand_view
    for each row execute function note_read_model_change('demand', 'demand_id');
