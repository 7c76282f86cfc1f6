-- Interview rounds whose time passed: HELD (scheduled, taken place) and LAPSED (proposed, no slot
-- picked in time), so a past round no longer blocks the next one and is not recorded as cancelled.
do $$
declare c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'interview'::regclass and contype = 'c' loop
        execute format('alter table interview drop constraint %I', c.conname);
    end loop;
end $$;
alter table interview
    add constraint interview_status check (status in
        ('PROPOSED', 'SCHEDULED', 'HELD', 'LAPSED', 'OTHERS_REQUESTED', 'CANCELLED')),
    add constraint interview_mode check (mode in ('ONLINE', 'ON_SITE')),
    add constraint interview_cancelled_by check (cancelled_by in ('ENTERPRISE', 'STUDENT')),
    add constraint interview_place check ((mode = 'ON_SITE') = (division_code is not null)),
    add constraint interview_chosen check
        ((status in ('SCHEDULED', 'HELD')) = (chosen_slot is not null) or status = 'CANCELLED');
