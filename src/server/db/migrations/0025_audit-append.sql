-- Issue 11, ADR 0004: a chain's entries are appended by one function call instead of three statements. The chain's
-- advisory lock (the same key as before: space 7341, hashtext of the municipality id as text) was held from its
-- own statement through the head read, Node's hashing and the insert to the commit: three round trips to a busy Node
-- process while every other audited request of the municipality waited. Here the lock, the head read and the insert
-- happen inside the database in one call; Node sends each entry's hashed content (canonical JSON, computed before)
-- and the function links it: hash = sha256(prev_hash || E'\n' || content), exactly as hashEntry in
-- platform/audit/audit-chain.ts, so the chains and their verification are unchanged.
-- PL/pgSQL: in READ COMMITTED every statement of a volatile function takes a new snapshot, so the head read after
-- the lock sees the previous holder's committed entry (a single SQL statement's snapshot would predate the lock).
create function audit_append(p_chain text, p_entries jsonb, p_contents text[])
returns table (id bigint, chain_seq bigint)
language plpgsql volatile
as $$
declare
  v_prev text;
  v_seq bigint;
  v_hash text;
  v_id bigint;
  v_entry jsonb;
  i integer;
begin
  perform pg_advisory_xact_lock(7341, hashtext(p_chain));
  select a.hash, a.chain_seq into v_prev, v_seq
    from audit_log a where a.municipality_id = p_chain::uuid order by a.chain_seq desc limit 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := coalesce(v_seq, 0);
  for i in 1 .. jsonb_array_length(p_entries) loop
    v_entry := p_entries -> (i - 1);
    v_hash := encode(sha256(convert_to(v_prev || E'\n' || p_contents[i], 'UTF8')), 'hex');
    v_seq := v_seq + 1;
    insert into audit_log (
      municipality_id, chain_seq, occurred_at, request_id, actor_user_id, actor_name, actor_role, actor_unit_id,
      actor_unit_name, action, purpose, citizen_id, record_type, record_id, criterion, details, prev_hash, hash
    ) values (
      p_chain::uuid, v_seq, (v_entry ->> 'occurred_at')::timestamptz, v_entry ->> 'request_id',
      (v_entry ->> 'actor_user_id')::uuid, v_entry ->> 'actor_name', v_entry ->> 'actor_role',
      (v_entry ->> 'actor_unit_id')::uuid, v_entry ->> 'actor_unit_name', v_entry ->> 'action', v_entry ->> 'purpose',
      (v_entry ->> 'citizen_id')::uuid, v_entry ->> 'record_type', v_entry ->> 'record_id', v_entry ->> 'criterion',
      nullif(v_entry -> 'details', 'null'::jsonb), v_prev, v_hash
    ) returning audit_log.id into v_id;
    id := v_id;
    chain_seq := v_seq;
    return next;
    v_prev := v_hash;
  end loop;
end
$$;
