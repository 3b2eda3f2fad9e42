-- Citizens and relatives, documents (issue 16).

-- Names as people type them: Danish letters written without æ, ø, å ("Kjaersgaard" finds "Kjærsgaard", "Aalborg"
-- finds "Ålborg") and accents left out ("Rene" finds "René"). Stored names and typed words are folded alike: ASCII
-- lower case (collation "C", so PGlite and PostgreSQL fold the same whatever their locale), æ/ä → ae, ø/ö → oe,
-- å → aa, ü → ue, accents dropped. The same table as foldName in src/shared/citizens/citizen-search.ts; the
-- tests compare the two on both databases.
create function fold_name(t text) returns text language sql immutable strict parallel safe as $$
  select translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      lower(t collate "C"),
      'æ', 'ae'), 'Æ', 'ae'), 'ø', 'oe'), 'Ø', 'oe'), 'å', 'aa'), 'Å', 'aa'),
      'ä', 'ae'), 'Ä', 'ae'), 'ö', 'oe'), 'Ö', 'oe'), 'ü', 'ue'), 'Ü', 'ue'),
    'éÉèÈêÊëËáÁàÀâÂíÍìÌîÎïÏóÓòÒôÔúÚùÙûÛñÑçÇ',
    'eeeeeeeeaaaaaaiiiiiiiioooooouuuuuunncc')
$$;
grant execute on function fold_name(text) to visitator_app;

-- The search columns become the folded names (0002 made them lower case only); the indexes keep their names.
alter table citizen drop column search_first_name;
alter table citizen drop column search_last_name;
alter table citizen add column search_first_name text generated always as (fold_name(first_name)) stored;
alter table citizen add column search_last_name text generated always as (fold_name(last_name)) stored;
create index citizen_search_first_name_idx on citizen (municipality_id, search_first_name text_pattern_ops);
create index citizen_search_last_name_idx on citizen (municipality_id, search_last_name text_pattern_ops);

-- Birth date as typed (14.03.1985, 14031985, 140385): one index finds real and substitute CPR numbers alike.
create index citizen_birth_date_idx on citizen (municipality_id, birth_date);

-- Relatives and network (pårørende, netværk) of a citizen, with how to reach them.
create table citizen_relative (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  citizen_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  relation text not null
    check (relation in ('partner', 'parent', 'child', 'sibling', 'other_family', 'friend', 'guardian', 'other')),
  phone text,
  email text,
  address text,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
);
create index citizen_relative_citizen_idx on citizen_relative (municipality_id, citizen_id);

-- The citizen's consent (samtykke) to share with a relative: what it covers, given when, for how long, withdrawn
-- when (src/rules/consent/consent.ts cites the law). A consent is never edited: a withdrawal is dated, a new consent
-- is a new row, so the history stays.
create table relative_consent (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  relative_id uuid not null,
  scopes text[] not null
    check (cardinality(scopes) > 0 and scopes <@ array['contact', 'information', 'letters', 'meetings']::text[]),
  form text not null check (form in ('written', 'oral', 'digital')),
  given_on date not null,
  expires_on date,
  withdrawn_on date,
  recorded_by uuid not null,
  withdrawn_by uuid,
  created_at timestamptz not null default now(),
  check (expires_on is null or expires_on > given_on),
  check (withdrawn_on is null or withdrawn_on >= given_on),
  primary key (municipality_id, id),
  foreign key (municipality_id, relative_id) references citizen_relative (municipality_id, id),
  foreign key (municipality_id, recorded_by) references app_user (municipality_id, id),
  foreign key (municipality_id, withdrawn_by) references app_user (municipality_id, id)
);
create index relative_consent_relative_idx on relative_consent (municipality_id, relative_id, given_on);

alter table citizen_relative enable row level security;
create policy tenant_isolation on citizen_relative
  using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table relative_consent enable row level security;
create policy tenant_isolation on relative_consent
  using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert, update on citizen_relative, relative_consent to visitator_app;

-- Documents uploaded to a case by the caseworker or the citizen (PDF, images), journalised like the letters, in the
-- same table and as bytea (docs/adr/0005-documents-in-the-database.md). The type is the one the content shows (magic
-- bytes), never the file name's.
alter table case_document drop constraint case_document_kind_check;
alter table case_document add constraint case_document_kind_check
  check (kind in ('receipt_letter', 'decision_letter', 'missed_deadline_notice', 'forwarding_letter', 'upload'));
alter table case_document
  add column content_type text not null default 'application/pdf'
    check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  add column byte_size integer check (byte_size > 0),
  add column sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  add column file_name text check (length(file_name) <= 255),
  add column document_date date,
  add column uploaded_by_role text check (uploaded_by_role in ('caseworker', 'team_leader', 'citizen')),
  add constraint case_document_upload_check check (
    kind <> 'upload' or (byte_size is not null and sha256 is not null and document_date is not null
      and uploaded_by_role is not null));
