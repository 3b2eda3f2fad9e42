-- Issue 15: audit_append (0025) writes a call's entries with one INSERT instead of one per entry. An import of
-- 100,000 cases appends one entry per case; 0025's loop ran the INSERT statement 100,000 times (each with its own
-- executor start, plan and index insertions one at a time). The chain is unchanged: the lock, the head read and each
-- hash are exactly as before (hash = sha256(prev_hash || E'\n' || content), platform/audit/audit-chain.ts); only the
-- hashing loop now fills two arrays, and one INSERT … SELECT writes the entries at positions head + 1 … head + n, in
-- order (ORDER BY the entry's ordinal, so the identity ids rise with the position as before).
create or replace function audit_append(p_chain text, p_entries jsonb, p_contents text[])
returns table (id bigint, chain_seq bigint)
language plpgsql volatile
as $$
declare
  v_prev text;
  v_seq bigint;
  v_n integer := coalesce(array_length(p_contents, 1), 0);
  v_prevs text[] := '{}';
  v_hashes text[] := '{}';
  i integer;
begin
  if v_n <> jsonb_array_length(p_entries) then
    raise exception 'audit_append: % entries but % contents', jsonb_array_length(p_entries), v_n;
  end if;
  perform pg_advisory_xact_lock(7341, hashtext(p_chain));
  select a.hash, a.chain_seq into v_prev, v_seq
    from audit_log a where a.municipality_id = p_chain::uuid order by a.chain_seq desc limit 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := coalesce(v_seq, 0);
  for i in 1 .. v_n loop
    v_prevs[i] := v_prev;
    v_prev := encode(sha256(convert_to(v_prev || E'\n' || p_contents[i], 'UTF8')), 'hex');
    v_hashes[i] := v_prev;
  end loop;
  return query
  with written as (
    insert into audit_log (
      municipality_id, chain_seq, occurred_at, request_id, actor_user_id, actor_name, actor_role, actor_unit_id,
      actor_unit_name, action, purpose, citizen_id, record_type, record_id, criterion, details, prev_hash, hash
    )
    select
      p_chain::uuid, v_seq + e.n, (e.v ->> 'occurred_at')::timestamptz, e.v ->> 'request_id',
      (e.v ->> 'actor_user_id')::uuid, e.v ->> 'actor_name', e.v ->> 'actor_role',
      (e.v ->> 'actor_unit_id')::uuid, e.v ->> 'actor_unit_name', e.v ->> 'action', e.v ->> 'purpose',
      (e.v ->> 'citizen_id')::uuid, e.v ->> 'record_type', e.v ->> 'record_id', e.v ->> 'criterion',
      nullif(e.v -> 'details', 'null'::jsonb), v_prevs[e.n], v_hashes[e.n]
    from jsonb_array_elements(p_entries) with ordinality as e(v, n)
    order by e.n
    returning audit_log.id, audit_log.chain_seq
  )
  select w.id, w.chain_seq from written w order by w.chain_seq;
end
$$;
