-- Legal records (issue 12).

-- A partial grant states what was applied for and what is refused; the letter prints both (required by the decision
-- schema for a partial grant; older decisions have neither).
alter table decision
  add column applied_for text,
  add column refused_part text;

-- Journal numbers (journalnummer) in each municipality's own format (src/rules/cases/journal-number.ts), unique per
-- municipality: on the case page and in every letter instead of an internal id.
alter table municipality
  add column journal_number_format text not null default '{yyyy}-{seq}'
    check (journal_number_format like '%{seq}%' and length(journal_number_format) <= 60);

-- The running number per municipality and year, taken with an upsert (row lock) so two cases opened at once get two
-- numbers. Written only by the trigger below, on the case-file module's insert of a case.
create table journal_number_counter (
  municipality_id uuid not null references municipality (id),
  year integer not null check (year between 2000 and 2999),
  last_seq integer not null check (last_seq > 0),
  primary key (municipality_id, year)
);
alter table journal_number_counter enable row level security;
create policy tenant_isolation on journal_number_counter
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());
grant select, insert, update on journal_number_counter to visitator_app;

alter table case_file add column journal_number text;

-- Cases opened before: numbered in the order they were opened, per municipality and year (the year in Denmark).
with numbered as (
  select c.id,
         extract(year from c.created_at at time zone 'Europe/Copenhagen')::integer as year,
         row_number() over (
           partition by c.municipality_id, extract(year from c.created_at at time zone 'Europe/Copenhagen')
           order by c.created_at, c.id
         )::integer as seq
  from case_file c
)
update case_file c
  set journal_number = replace(replace(replace(m.journal_number_format,
        '{seq}', n.seq::text),
        '{yyyy}', n.year::text),
        '{yy}', lpad((n.year % 100)::text, 2, '0'))
  from numbered n, municipality m
  where n.id = c.id and m.id = c.municipality_id;

insert into journal_number_counter (municipality_id, year, last_seq)
  select municipality_id, extract(year from created_at at time zone 'Europe/Copenhagen')::integer, count(*)::integer
  from case_file
  group by 1, 2;

alter table case_file alter column journal_number set not null;
create unique index case_file_journal_number_idx on case_file (municipality_id, journal_number);

-- Every new case gets the next number of its municipality and year, in the municipality's format, from the database
-- itself: whichever code inserts a case (the case-file module, the demo generator) cannot forget or repeat one. The
-- same formatting as formatJournalNumber in src/rules/cases/journal-number.ts (the tests compare them).
create function assign_journal_number() returns trigger language plpgsql as $$
declare
  y integer := extract(year from new.created_at at time zone 'Europe/Copenhagen')::integer;
  n integer;
  f text;
begin
  if new.journal_number is not null then
    return new;
  end if;
  insert into journal_number_counter (municipality_id, year, last_seq) values (new.municipality_id, y, 1)
    on conflict (municipality_id, year) do update set last_seq = journal_number_counter.last_seq + 1
    returning last_seq into n;
  select journal_number_format into f from municipality where id = new.municipality_id;
  new.journal_number := replace(replace(replace(f, '{seq}', n::text), '{yyyy}', y::text), '{yy}', lpad((y % 100)::text, 2, '0'));
  return new;
end
$$;
create trigger case_file_journal_number before insert on case_file
  for each row execute function assign_journal_number();
