-- A case has a short title of its own, set at the request (issue 16): never empty and at most 80 characters, as
-- the work list, the case header and the citizen's page show it. Titles so far were the request text cut to 80.
alter table case_file add constraint case_file_title_check check (char_length(btrim(title)) between 1 and 80);
