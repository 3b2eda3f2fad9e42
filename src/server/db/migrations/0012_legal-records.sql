-- Legal records (issue 12).

-- A partial grant states what was applied for and what is refused; the letter prints both (required by the decision
-- schema for a partial grant; older decisions have neither).
alter table decision
  add column applied_for text,
  add column refused_part text;
